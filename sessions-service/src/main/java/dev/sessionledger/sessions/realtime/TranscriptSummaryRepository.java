package dev.sessionledger.sessions.realtime;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Generated summaries, one per session. */
@ApplicationScoped
public class TranscriptSummaryRepository implements PanacheRepositoryBase<TranscriptSummary, UUID> {

    public Optional<TranscriptSummary> findInTenant(String tenant, UUID sessionId) {
        return find("tenantId = ?1 and sessionId = ?2", tenant, sessionId).firstResultOptional();
    }
}
