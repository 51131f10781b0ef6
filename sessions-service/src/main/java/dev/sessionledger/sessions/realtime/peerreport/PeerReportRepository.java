package dev.sessionledger.sessions.realtime.peerreport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.sessions.realtime.Upsert;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Peers' call statistics reports. */
@ApplicationScoped
public class PeerReportRepository implements PanacheRepositoryBase<PeerReport, PeerReport.Key> {

    public Optional<PeerReport> findInTenant(String tenant, UUID peerId) {
        return find("tenantId = ?1 and peerId = ?2", tenant, peerId).firstResultOptional();
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
}
