package dev.sessionledger.threads.participants;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Changes single thread participants, always within one tenant; reads go through
 * {@link ParticipantReads}.
 */
@ApplicationScoped
public class ThreadParticipantRepository implements PanacheRepositoryBase<ThreadParticipant, UUID> {

    /**
     * Finds and row-locks a participant for a change: a removal at the same time then waits for
     * the change, or the change finds the participant gone, instead of updating a deleted row.
     */
    public Optional<ThreadParticipant> lockInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenant).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Removes a participant in one statement and says whether it did: of two removals at once one
     * deletes the row and the other finds none. {@code userId}, when given, must be the participant's.
     */
    public boolean deleteInTenant(String tenant, UUID id, String userId) {
        return userId == null
                ? delete("id = ?1 and tenantId = ?2", id, tenant) > 0
                : delete("id = ?1 and tenantId = ?2 and userId = ?3", id, tenant, userId) > 0;
    }
}
