package dev.sessionledger.sessions.provider;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.commons.metorial.KeysetFilter;
import dev.sessionledger.commons.metorial.KeysetPager;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;

/** Reads and writes providers, always within one tenant. */
@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, UUID> {

    /** One keyset page of the tenant's providers, served by {@code mcp_provider_tenant_id_idx}. */
    public MetorialPage<Provider> page(String tenant, MetorialListRequest request) {
        return KeysetPager.page(this, KeysetFilter.of("tenantId", tenant), request);
    }

    public Optional<Provider> findInTenant(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResultOptional();
    }

    public Optional<Provider> byIdempotencyKey(String tenant, String key) {
        return find("tenantId = ?1 and idempotencyKey = ?2", tenant, key).firstResultOptional();
    }
}
