package dev.sessionledger.threads.thread;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes threads, always within one tenant. */
@ApplicationScoped
public class ThreadRepository implements PanacheRepositoryBase<ChatThread, UUID> {

    /** Served by the primary key. */
    public Optional<ChatThread> findInTenant(String tenant, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenant).firstResultOptional();
    }

    /** Served by {@code thread_idempotency_uq}. */
    public Optional<ChatThread> byIdempotencyKey(String tenant, String key) {
        return find("tenantId = ?1 and idempotencyKey = ?2", tenant, key).firstResultOptional();
    }
}
