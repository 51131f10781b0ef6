package dev.sessionledger.threads.thread;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A thread as {@code /api/threads} shows it; a read projects the row into it, with no entity behind it. */
public record ThreadView(String id, String title, Map<String, Object> metadata, String createdBy, Instant createdAt) {

    /** The thread's columns as a read selects them. */
    public ThreadView(UUID id, String title, Map<String, Object> metadata, String createdBy, Instant createdAt) {
        this(id.toString(), title, metadata, createdBy, createdAt);
    }

    public static ThreadView of(ChatThread thread) {
        return new ThreadView(thread.id, thread.title, thread.metadata, thread.createdBy, thread.createdAt);
    }
}
