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

    /** The peer's report, read into a record. */
    public Optional<Parts> findInTenant(String tenant, UUID peerId) {
        return getEntityManager().createQuery("select new " + Parts.class.getName() + "(r.metadata, r.quality)"
                + " from PeerReport r where r.tenantId = :tenant and r.peerId = :peer", Parts.class)
                .setParameter("tenant", tenant).setParameter("peer", peerId).getResultList().stream().findFirst();
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
