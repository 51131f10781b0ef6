package dev.sessionledger.sessions.realtime;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Peers' call statistics reports. */
@ApplicationScoped
public class PeerReportRepository implements PanacheRepositoryBase<PeerReport, UUID> {

    public Optional<PeerReport> findInTenant(String tenant, UUID peerId) {
        return find("tenantId = ?1 and peerId = ?2", tenant, peerId).firstResultOptional();
    }
}
