package dev.sessionledger.threads.participants;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiException;

/** Lists thread participants within what the caller may see. */
@ApplicationScoped
public class ThreadParticipantService {

    @Inject
    ThreadParticipantRepository participants;

    /**
     * Administrators see the whole tenant; anyone else must name a thread they take part in.
     * A thread the caller is not in answers as if it did not exist.
     */
    public ParticipantPage list(Caller caller, UUID threadId, int limit) {
        if (!caller.isAdmin()) {
            if (threadId == null) {
                throw ApiException.invalid("thread_id", "is required for callers who are not administrators");
            }
            if (!participants.isMember(caller.tenant(), threadId, caller.subject())) {
                throw ApiException.notFound("thread", threadId.toString());
            }
        }
        List<ThreadParticipant> rows = participants.firstByIdIn(caller.tenant(), threadId, limit + 1);
        boolean more = rows.size() > limit;
        List<ThreadParticipantView> page = rows.stream().limit(limit).map(ThreadParticipantView::of).toList();
        long total = participants.countIn(caller.tenant(), threadId);
        return new ParticipantPage(page, new ParticipantPage.PageInfo(total, more, false, null, null));
    }
}
