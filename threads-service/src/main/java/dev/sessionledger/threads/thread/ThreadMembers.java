package dev.sessionledger.threads.thread;

import java.util.UUID;

/**
 * Who takes part in threads, as threads need to know it: for who may see a thread, and for its
 * creator joining it. The participants, which depend on threads, keep the answer.
 */
public interface ThreadMembers {

    /** Whether {@code userId} takes part in the thread. */
    boolean isMember(String tenant, UUID threadId, String userId);

    /** Makes a new thread's creator its first participant, joined when the thread was made. */
    void addCreator(ChatThread thread);
}
