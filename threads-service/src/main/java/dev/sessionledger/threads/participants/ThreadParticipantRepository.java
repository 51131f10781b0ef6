package dev.sessionledger.threads.participants;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Reads and writes single thread participants, always within one tenant; lists go through
 * {@link ParticipantListRepository}.
 */
@ApplicationScoped
public class ThreadParticipantRepository implements PanacheRepositoryBase<ThreadParticipant, UUID> {

    /** Whether {@code userId} takes part in the thread; served by {@code thread_participant_thread_user_idx}. */
    public boolean isMember(String tenant, UUID threadId, String userId) {
        return find("tenantId = ?1 and threadId = ?2 and userId = ?3", tenant, threadId, userId)
                .page(0, 1).firstResultOptional().isPresent();
    }

    /** Served by the primary key. */
    public Optional<ThreadParticipant> findInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenant).firstResultOptional();
    }
}
