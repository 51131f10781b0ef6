package dev.sessionledger.threads.thread;

import java.time.Instant;
import java.util.Map;

/** A thread as {@code /api/threads} shows it. */
public record ThreadView(String id, String title, Map<String, Object> metadata, String createdBy, Instant createdAt) {

    public static ThreadView of(ChatThread thread) {
        return new ThreadView(thread.id.toString(), thread.title, thread.metadata, thread.createdBy, thread.createdAt);
    }
}
