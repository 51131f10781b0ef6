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
}
