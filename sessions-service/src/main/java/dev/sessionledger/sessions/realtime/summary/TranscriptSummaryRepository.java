package dev.sessionledger.sessions.realtime.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.realtime.Upsert;

/** Generated summaries, one per session. */
@ApplicationScoped
public class TranscriptSummaryRepository implements PanacheRepositoryBase<TranscriptSummary, TranscriptSummary.Key> {

    @Inject
    SqlReads reads;

    /**
     * The session's summary, read into a record by Hibernate: its highlights are JSON that Hibernate's
     * mapping of {@link TranscriptSummary.Highlight} wrote, so the same mapping reads them back.
     */
    public Optional<SummaryRow> findInTenant(String tenant, UUID sessionId) {
        return getEntityManager().createQuery("select new " + SummaryRow.class.getName() + "(s.highlights, s.text)"
                + " from TranscriptSummary s where s.tenantId = :tenant and s.sessionId = :session", SummaryRow.class)
                .setParameter("tenant", tenant).setParameter("session", sessionId).getResultList().stream()
                .findFirst();
    }

    /** Whether the session has a summary, read without it: one plain primary-key read. */
    public boolean exists(String tenant, UUID sessionId) {
        return reads.exists(new Sql("select 1 from rtk_summary where tenant_id = ? and session_id = ?",
                List.of(tenant, sessionId)));
    }

    /** Stores the summary as its session's, replacing the one it had, in one statement. */
    public void replace(TranscriptSummary summary) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tenantId", summary.tenantId);
        values.put("sessionId", summary.sessionId);
        values.put("generator", summary.generator);
        values.put("highlights", summary.highlights);
        values.put("text", summary.text);
        values.put("createdAt", summary.createdAt);
        Upsert.replace(getEntityManager(), TranscriptSummary.class, List.of("tenantId", "sessionId"), values);
    }
}
