package dev.sessionledger.threads.thread;

import java.util.Map;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/threads}. */
public record CreateThreadRequest(
        @Size(max = ChatThread.MAX_TITLE, message = "must be at most {max} characters") String title,
        @Size(max = 50, message = "may hold at most {max} keys") Map<String, Object> metadata) {
}
