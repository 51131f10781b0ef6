package dev.sessionledger.sessions.provider;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.commons.metorial.KeysetFilter;
import dev.sessionledger.commons.metorial.KeysetPager;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.provider.ProviderRows.ProviderRow;
import dev.sessionledger.sessions.provider.ProviderRows.UpstreamRow;

/** Reads and writes providers, always within one tenant; reads that only show a provider take rows. */
@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<Provider, UUID> {

    private static final RowSelect<ProviderRow> ROWS = RowSelect.of(ProviderRow.class, Provider.class);
    private static final RowSelect<UpstreamRow> UPSTREAMS = RowSelect.of(UpstreamRow.class, Provider.class);

    @Inject
    SqlReads reads;

    /** One keyset page of the tenant's providers, served by {@code mcp_provider_tenant_id_idx}. */
    public MetorialPage<ProviderRow> page(String tenant, MetorialListRequest request) {
        return KeysetPager.page(reads, ROWS, KeysetFilter.of("tenant_id", tenant), request);
    }

    /** One index probe by id. */
    public Optional<ProviderRow> rowInTenant(String tenant, UUID id) {
        return ROWS.inTenant(reads, tenant, id);
    }

    /** One index probe by id. */
    public Optional<UpstreamRow> upstreamInTenant(String tenant, UUID id) {
        return UPSTREAMS.inTenant(reads, tenant, id);
    }

    public Optional<Provider> findInTenant(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResultOptional();
    }

    public Optional<Provider> byIdempotencyKey(String tenant, String key) {
        return find("tenantId = ?1 and idempotencyKey = ?2", tenant, key).firstResultOptional();
    }
}
