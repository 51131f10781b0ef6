package dev.sessionledger.sessions.realtime.summary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.sessions.realtime.Upsert;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Generated summaries, one per session. */
@ApplicationScoped
public class TranscriptSummaryRepository implements PanacheRepositoryBase<TranscriptSummary, TranscriptSummary.Key> {

    public Optional<TranscriptSummary> findInTenant(String tenant, UUID sessionId) {
        return find("tenantId = ?1 and sessionId = ?2", tenant, sessionId).firstResultOptional();
    }

    /** Stores the summary as its session's, replacing the one it had, in one statement. */
    public void replace(TranscriptSummary summary) {
        Upsert.replace(getEntityManager(), TranscriptSummary.class, List.of("tenantId", "sessionId"), Map.of(
                "tenantId", summary.tenantId,
                "sessionId", summary.sessionId,
                "generator", summary.generator,
                "highlights", summary.highlights,
                "createdAt", summary.createdAt));
    }
}
