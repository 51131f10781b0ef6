package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.KeysetFilter;
import dev.sessionledger.commons.metorial.KeysetPager;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.mcp.McpRows.ParticipantRow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and upserts MCP participants, always within one tenant; reads that only show a participant take rows. */
@ApplicationScoped
public class McpParticipantRepository implements PanacheRepositoryBase<McpParticipant, UUID> {

    private static final RowSelect<ParticipantRow> ROWS = RowSelect.of(ParticipantRow.class, McpParticipant.class);

    @Inject
    SqlReads reads;

    /**
     * The participant with this identity, created if new; one statement, safe under concurrent
     * connects of the same client. Its id's timestamp is its {@code created_at}.
     */
    public UUID upsert(String tenant, String type, String identifier, String name, String dataJson, String providerId) {
        UUID id = PrefixedId.newUuid();
        Instant createdAt = PrefixedId.timestampOf(id);
        return (UUID) getEntityManager().createNativeQuery("""
                insert into mcp_participant (id, tenant_id, type, identifier, name, data, provider_id, created_at, updated_at)
                values (:id, :tenant, :type, :identifier, :name, cast(:data as jsonb), :provider, :at, :at)
                on conflict (tenant_id, type, identifier, md5(data::text))
                do update set updated_at = greatest(mcp_participant.updated_at, excluded.updated_at)
                returning id""")
                .setParameter("id", id)
                .setParameter("tenant", tenant)
                .setParameter("type", type)
                .setParameter("identifier", identifier)
                .setParameter("name", name)
                .setParameter("data", dataJson)
                .setParameter("provider", providerId)
                .setParameter("at", createdAt)
                .getSingleResult();
    }

    public Optional<McpParticipant> findInTenant(String tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResultOptional();
    }

    /** One index probe by id. */
    public Optional<ParticipantRow> rowInTenant(String tenant, UUID id) {
        return ROWS.inTenant(reads, tenant, id);
    }

    /**
     * One keyset page. Index use: {@code mcp_participant_tenant_id_idx} for the order and the id
     * and created_at bounds, {@code mcp_participant_tenant_type_idx} with a type filter, and the
     * {@code (session_id, participant_id)} indexes of connections and server sessions for session_id.
     *
     * @param senderIds participants that sent the filtered messages, or null when not filtered by message
     */
    public MetorialPage<ParticipantRow> page(String tenant, ParticipantQuery query, Collection<UUID> senderIds,
            MetorialListRequest request) {
        KeysetFilter filter = KeysetFilter.of("tenant_id", tenant)
                .andAnyOf("type", query.types())
                .andAnyOf("id", query.ids());
        if (senderIds != null) {
            filter.andWhere("id = any(?)", senderIds);
        }
        if (!query.sessionIds().isEmpty()) {
            filter.andWhere("(id in (select c.participant_id from mcp_connection c where c.session_id = any(?))"
                    + " or id in (select p.participant_id from mcp_session_provider p where p.session_id = any(?)))",
                    query.sessionIds());
        }
        if (!query.connectionIds().isEmpty()) {
            filter.andWhere("id in (select c.participant_id from mcp_connection c where c.id = any(?))",
                    query.connectionIds());
        }
        range(filter, "created_at", query.createdAt(), true);
        range(filter, "updated_at", query.updatedAt(), false);
        return KeysetPager.page(reads, ROWS, filter, request);
    }

    /** Adds a range's bounds; for created_at also the equal id bounds, which the id index serves. */
    private static void range(KeysetFilter filter, String column, ParticipantQuery.Range range, boolean alsoIds) {
        if (range.gt() != null) {
            filter.andWhere(column + " > ?", range.gt());
        }
        if (range.gte() != null) {
            filter.andWhere(column + " >= ?", range.gte());
        }
        if (range.lt() != null) {
            filter.andWhere(column + " < ?", range.lt());
        }
        if (range.lte() != null) {
            filter.andWhere(column + " <= ?", range.lte());
        }
        if (alsoIds) {
            Instant lower = range.gt() != null ? range.gt() : range.gte();
            Instant upper = range.lt() != null ? range.lt() : range.lte();
            if (lower != null) {
                filter.andWhere("id >= ?", PrefixedId.lowestAt(lower));
            }
            if (upper != null) {
                filter.andWhere("id <= ?", PrefixedId.highestAt(upper));
            }
        }
    }
}
