package dev.sessionledger.threads.thread;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.persistence.IdempotentCreate;

/** Starts threads and reads them back, within what the caller may see. */
@ApplicationScoped
public class ThreadService {

    @Inject
    ThreadRepository threads;

    @Inject
    ThreadMembers members;

    @Inject
    ThreadAccess access;

    @Inject
    Clock clock;

    /**
     * The creator joins as the first participant, so a non-administrator can go on to use the
     * thread. A retry with the same idempotency key answers with the thread the first request made,
     * even when both arrive at once.
     */
    @IdempotentCreate
    @Transactional
    public ChatThread create(Caller caller, String title, Map<String, Object> metadata, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<ChatThread> earlier = threads.byIdempotencyKey(caller.tenant(), idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ChatThread thread = new ChatThread();
        thread.id = PrefixedId.newUuid();
        thread.tenantId = caller.tenant();
        thread.title = title;
        thread.metadata = metadata == null ? Map.of() : metadata;
        thread.createdBy = caller.subject();
        thread.createdAt = clock.instant();
        thread.idempotencyKey = idempotencyKey;
        threads.persist(thread);
        members.addCreator(thread);
        return thread;
    }

    public Optional<ThreadView> find(Caller caller, UUID id) {
        return threads.viewInTenant(caller.tenant(), id)
                .filter(thread -> caller.isAdmin() || access.isMember(caller, id));
    }
}
