package dev.sessionledger.messages.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.metorial.KeysetFilter;
import dev.sessionledger.commons.metorial.KeysetPager;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.messages.message.MessageRows.MessageRow;
import dev.sessionledger.messages.message.MessageRows.SenderRow;
import dev.sessionledger.messages.message.MessageRows.TotalsRow;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes recorded messages, always within one tenant. */
@ApplicationScoped
public class SessionMessageRepository implements PanacheRepositoryBase<SessionMessage, UUID> {

    /** A batch is written by one statement: each column travels as one array, unnested row by row. */
    private static final String INSERT_BATCH = """
            insert into session_message (id, tenant_id, session_id, server_session_id, provider_run_id, participant_id,
                type, sender_type, sender_id, method, payload, created_at, idempotency_key, jsonrpc_id)
            select m.id, ?, ?, m.server_session_id, m.provider_run_id, m.participant_id, m.type, m.sender_type,
                m.sender_id, m.method, m.payload::jsonb, m.created_at::timestamptz, m.idempotency_key, m.jsonrpc_id
            from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[])
                with ordinality as m(id, server_session_id, provider_run_id, participant_id, type, sender_type,
                    sender_id, method, payload, created_at, idempotency_key, jsonrpc_id, position)
            order by m.position
            on conflict (tenant_id, session_id, idempotency_key) where idempotency_key is not null do nothing
            returning id""";

    /** Served by {@code session_message_request_idx}: one index probe per answer. */
    private static final String REQUEST_METHODS = """
            select k.position, (select r.method from session_message r
                    where r.tenant_id = ? and r.session_id = ? and r.type = 'request'
                      and r.server_session_id = k.server_session_id and r.sender_type = k.sender_type
                      and r.jsonrpc_id = k.jsonrpc_id
                    order by r.id desc limit 1)
            from unnest(?::uuid[], ?::text[], ?::text[])
                with ordinality as k(server_session_id, sender_type, jsonrpc_id, position)""";

    private static final RowSelect<MessageRow> ROWS = RowSelect.of(MessageRow.class, SessionMessage.class);
    private static final RowSelect<SenderRow> SENDERS = RowSelect.of(SenderRow.class, SessionMessage.class);
    private static final RowSelect<TotalsRow> TOTALS = RowSelect.of(TotalsRow.class, SessionMessageTotal.class);

    @Inject
    DataSource dataSource;

    @Inject
    SqlReads reads;

    /**
     * One keyset page of a session's messages. The scan walks the index of the most specific
     * filter given one value (run, then server session, then type; see V2), else the session's
     * index; filters with several values are checked on the rows it walks.
     */
    public MetorialPage<MessageRow> page(String tenant, UUID sessionId, MessageFilter filter,
            MetorialListRequest request) {
        KeysetFilter where = KeysetFilter.of("tenant_id", tenant);
        String lead = filter.providerRunIds().size() == 1 ? "provider_run_id"
                : filter.serverSessionIds().size() == 1 ? "server_session_id"
                : filter.types().size() == 1 ? "type"
                : "session_id";
        condition(where, "session_id", List.of(sessionId), lead);
        condition(where, "provider_run_id", filter.providerRunIds(), lead);
        condition(where, "server_session_id", filter.serverSessionIds(), lead);
        condition(where, "type", filter.types().stream().map(MessageType::text).toList(), lead);
        return KeysetPager.page(reads, ROWS, where, request);
    }

    private static void condition(KeysetFilter where, String column, List<?> values, String lead) {
        if (column.equals(lead)) {
            where.andOrderedBy(column, values.get(0));
        } else {
            where.andAnyOf(column, values);
        }
    }

    /** One index probe by id. */
    public Optional<MessageRow> findInSession(String tenant, UUID sessionId, UUID id) {
        return ROWS.one(reads, "tenant_id = ? and session_id = ? and id = ?", tenant, sessionId, id);
    }

    /** Who sent the messages of the tenant among {@code ids}, by primary key. */
    public List<SenderRow> sendersInTenant(String tenant, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : SENDERS.where(reads, new Sql("tenant_id = ? and id = any(?)", List.of(tenant, ids)));
    }

    /** The totals of the tenant's sessions among {@code ids} that hold messages, by primary key. */
    public List<TotalsRow> totalsInTenant(String tenant, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : TOTALS.where(reads, new Sql("tenant_id = ? and session_id = any(?)", List.of(tenant, ids)));
    }

    /** Messages of the session stored earlier under any of {@code keys}. */
    public List<SessionMessage> findByIdempotencyKeys(String tenant, UUID sessionId, Collection<String> keys) {
        return keys.isEmpty() ? List.of()
                : list("tenantId = ?1 and sessionId = ?2 and idempotencyKey in ?3", tenant, sessionId, keys);
    }

    /**
     * Inserts the rows in one statement; a row whose idempotency key the session already holds is
     * skipped.
     *
     * @return the ids of the rows inserted
     */
    public List<UUID> insertAll(String tenant, UUID sessionId, List<SessionMessage> rows) {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        UUID[] serverSessions = new UUID[n];
        UUID[] runs = new UUID[n];
        UUID[] participants = new UUID[n];
        String[][] texts = new String[8][n];
        for (int i = 0; i < n; i++) {
            SessionMessage row = rows.get(i);
            ids[i] = row.id;
            serverSessions[i] = row.serverSessionId;
            runs[i] = row.providerRunId;
            participants[i] = row.participantId;
            texts[0][i] = row.type;
            texts[1][i] = row.senderType;
            texts[2][i] = row.senderId;
            texts[3][i] = row.method;
            texts[4][i] = row.payload;
            texts[5][i] = row.createdAt.toString();
            texts[6][i] = row.idempotencyKey;
            texts[7][i] = row.jsonrpcId;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_BATCH)) {
            insert.setString(1, tenant);
            insert.setObject(2, sessionId);
            insert.setArray(3, connection.createArrayOf("uuid", ids));
            insert.setArray(4, connection.createArrayOf("uuid", serverSessions));
            insert.setArray(5, connection.createArrayOf("uuid", runs));
            insert.setArray(6, connection.createArrayOf("uuid", participants));
            for (int column = 0; column < texts.length; column++) {
                insert.setArray(7 + column, connection.createArrayOf("text", texts[column]));
            }
            List<UUID> inserted = new ArrayList<>(n);
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    inserted.add(result.getObject(1, UUID.class));
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a message batch failed", e);
        }
    }

    /** A request a response may answer: sent by {@code senderType} in a server session under a JSON-RPC id. */
    public record RequestKey(UUID serverSessionId, String senderType, String jsonrpcId) {
    }

    /**
     * The method of the latest stored request for each key, in one query.
     *
     * @return one entry per key, in order; null where no request matches
     */
    public List<String> requestMethods(String tenant, UUID sessionId, List<RequestKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String[] methods = new String[keys.size()];
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(REQUEST_METHODS)) {
            query.setString(1, tenant);
            query.setObject(2, sessionId);
            query.setArray(3, connection.createArrayOf("uuid",
                    keys.stream().map(RequestKey::serverSessionId).toArray(UUID[]::new)));
            query.setArray(4, connection.createArrayOf("text", keys.stream().map(RequestKey::senderType).toArray()));
            query.setArray(5, connection.createArrayOf("text", keys.stream().map(RequestKey::jsonrpcId).toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    methods[(int) result.getLong(1) - 1] = result.getString(2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up request methods failed", e);
        }
        return Arrays.asList(methods);
    }
}
