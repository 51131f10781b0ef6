package dev.sessionledger.threads.thread;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.auth.Caller;

/**
 * Who may see a thread: an administrator sees every thread of their tenant, anyone else only the
 * threads where their {@code sub} is a participant's {@code userId}.
 */
@ApplicationScoped
public class ThreadAccess {

    @Inject
    ThreadRepository threads;

    @Inject
    ThreadMembers members;

    /** Whether the thread exists in the caller's tenant and the caller may see it. */
    public boolean canSee(Caller caller, UUID threadId) {
        if (caller.isAdmin()) {
            return threads.viewInTenant(caller.tenant(), threadId).isPresent();
        }
        return isMember(caller, threadId);
    }

    /** A cheap check, served by {@code thread_participant_thread_user_idx}. */
    public boolean isMember(Caller caller, UUID threadId) {
        return members.isMember(caller.tenant(), threadId, caller.subject());
    }
}
