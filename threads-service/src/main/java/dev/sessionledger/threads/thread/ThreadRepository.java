package dev.sessionledger.threads.thread;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes threads, always within one tenant. */
@ApplicationScoped
public class ThreadRepository implements PanacheRepositoryBase<ChatThread, UUID> {

    /** The thread as the API shows it, read into the view without loading the entity; served by the primary key. */
    public Optional<ThreadView> viewInTenant(String tenant, UUID id) {
        return getEntityManager().createQuery("select new " + ThreadView.class.getName()
                        + "(t.id, t.title, t.metadata, t.createdBy, t.createdAt) from ChatThread t"
                        + " where t.id = :id and t.tenantId = :tenant", ThreadView.class)
                .setParameter("id", id).setParameter("tenant", tenant)
                .getResultList().stream().findFirst();
    }

    /** Served by {@code thread_idempotency_uq}. */
    public Optional<ChatThread> byIdempotencyKey(String tenant, String key) {
        return find("tenantId = ?1 and idempotencyKey = ?2", tenant, key).firstResultOptional();
    }
}
