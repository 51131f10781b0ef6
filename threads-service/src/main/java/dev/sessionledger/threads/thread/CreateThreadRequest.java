package dev.sessionledger.threads.thread;

import java.util.Map;

import jakarta.validation.constraints.Size;

import dev.sessionledger.commons.validation.FreeFormJson;

/** Body of {@code POST /api/threads}; the JSON reader refuses the NUL character anywhere in it. */
public record CreateThreadRequest(
        @Size(max = ChatThread.MAX_TITLE, message = "must be at most {max} characters") String title,
        @FreeFormJson Map<String, Object> metadata) {
}
