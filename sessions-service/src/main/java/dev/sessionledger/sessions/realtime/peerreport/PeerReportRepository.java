package dev.sessionledger.sessions.realtime.peerreport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.realtime.Upsert;

/** Peers' call statistics reports: read as plain statements ({@link SqlReads}), stored by one upsert. */
@ApplicationScoped
public class PeerReportRepository implements PanacheRepositoryBase<PeerReport, PeerReport.Key> {

    private static final RowSelect<Parts> PARTS = RowSelect.of(Parts.class, PeerReport.class);

    @Inject
    SqlReads reads;

    /** The peer's report, read into a record by one primary-key read. */
    public Optional<Parts> findInTenant(String tenant, UUID peerId) {
        return PARTS.one(reads, "tenant_id = ? and peer_id = ?", tenant, peerId);
    }

    /** Stores the report as its peer's, replacing the one it had, in one statement. */
    public void replace(PeerReport report) {
        Upsert.replace(getEntityManager(), PeerReport.class, List.of("tenantId", "peerId"), Map.of(
                "tenantId", report.tenantId,
                "peerId", report.peerId,
                "metadata", report.metadata,
                "quality", report.quality,
                "updatedAt", report.updatedAt));
    }

    /** What a report holds, as read back. */
    public record Parts(Map<String, Object> metadata, Map<String, Object> quality) {
    }
}
