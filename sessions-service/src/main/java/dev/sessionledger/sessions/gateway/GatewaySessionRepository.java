package dev.sessionledger.sessions.gateway;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Gateway sessions, found within a tenant; the idle sweep alone reads across tenants. */
@ApplicationScoped
public class GatewaySessionRepository implements PanacheRepositoryBase<GatewaySession, UUID> {

    public Optional<GatewaySession> findInTenant(String tenant, UUID sessionId) {
        return find("tenantId = ?1 and sessionId = ?2", tenant, sessionId).firstResultOptional();
    }

    public Optional<GatewaySession> findInTenantForUpdate(String tenant, UUID sessionId) {
        return find("tenantId = ?1 and sessionId = ?2", tenant, sessionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Open sessions idle past their deadline, oldest first, locked; rows another sweep holds are
     * skipped, so replicas sweeping at once never wait on each other. Served by
     * {@code mcp_gateway_session_idle_idx}.
     */
    @SuppressWarnings("unchecked")
    public List<GatewaySession> idleBefore(Instant now, int limit) {
        return getEntityManager().createNativeQuery("select * from mcp_gateway_session"
                + " where ended_at is null and idle_deadline < :now order by idle_deadline limit :limit"
                + " for update skip locked", GatewaySession.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }
}
