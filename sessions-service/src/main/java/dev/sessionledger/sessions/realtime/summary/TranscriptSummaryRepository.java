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

    /** The session's summary, read into a record. */
    public Optional<SummaryRow> findInTenant(String tenant, UUID sessionId) {
        return getEntityManager().createQuery("select new " + SummaryRow.class.getName() + "(s.highlights)"
                + " from TranscriptSummary s where s.tenantId = :tenant and s.sessionId = :session", SummaryRow.class)
                .setParameter("tenant", tenant).setParameter("session", sessionId).getResultList().stream()
                .findFirst();
    }

    /** Whether the session has a summary, read without it. */
    public boolean exists(String tenant, UUID sessionId) {
        return !getEntityManager().createQuery("select 1 from TranscriptSummary s where s.tenantId = :tenant"
                + " and s.sessionId = :session", Integer.class)
                .setParameter("tenant", tenant).setParameter("session", sessionId).getResultList().isEmpty();
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
