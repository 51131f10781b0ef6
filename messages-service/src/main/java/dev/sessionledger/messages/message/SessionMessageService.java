package dev.sessionledger.messages.message;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.messages.message.MessageRows.MessageRow;
import dev.sessionledger.messages.message.MessageRows.SenderRow;
import dev.sessionledger.messages.message.MessageRows.TotalsRow;
import dev.sessionledger.messages.message.SessionMessageRepository.RequestKey;
import dev.sessionledger.messages.sessions.SessionDirectory;

/** Stores and reads a session's recorded messages within the caller's tenant. */
@ApplicationScoped
public class SessionMessageService {

    @Inject
    SessionMessageRepository messages;

    @Inject
    SessionDirectory sessions;

    @Inject
    Clock clock;

    /**
     * A page of the session's messages. Messages are stored only for a session sessions-service
     * confirmed, so a page with rows proves the session is the caller's; only an empty one is checked.
     *
     * @throws Failure not found for a session the caller cannot see, unavailable when that cannot be told now
     */
    public MetorialPage<MessageRow> list(String authorization, String tenant, UUID sessionId, MessageFilter filter,
            MetorialListRequest request) {
        MetorialPage<MessageRow> page = messages.page(tenant, sessionId, filter, request);
        if (page.items().isEmpty()) {
            requireSession(authorization, tenant, sessionId);
        }
        return page;
    }

    /**
     * One message of the session; empty when the session is the caller's but holds no such message
     * ({@code id} is empty for an id that cannot be one).
     *
     * @throws Failure not found for a session the caller cannot see, unavailable when that cannot be told now
     */
    public Optional<MessageRow> find(String authorization, String tenant, UUID sessionId, Optional<UUID> id) {
        Optional<MessageRow> found = id.flatMap(message -> messages.findInSession(tenant, sessionId, message));
        if (found.isEmpty()) {
            requireSession(authorization, tenant, sessionId);
        }
        return found;
    }

    private void requireSession(String authorization, String tenant, UUID sessionId) {
        sessions.requireExists(authorization, tenant, sessionId, null, null);
    }

    /** Who sent the tenant's messages among {@code ids}; others' and unknown ones are simply absent. */
    public List<SenderRow> senders(String tenant, Collection<UUID> ids) {
        return messages.sendersInTenant(tenant, ids);
    }

    /** The totals of the tenant's sessions among {@code ids}; a session without messages, or not the tenant's, is absent. */
    public List<TotalsRow> totals(String tenant, Collection<UUID> ids) {
        return messages.totalsInTenant(tenant, ids);
    }

    /**
     * Stores a checked batch in one transaction and one insert. A message whose idempotency key
     * the session already holds is not stored again; the stored one stands in for it.
     *
     * @return one stored message per incoming message, in the batch's order
     */
    @Transactional
    public List<SessionMessage> store(String tenant, UUID sessionId, List<IncomingMessage> batch) {
        List<IncomingMessage> resolved = withRequestMethods(tenant, sessionId, batch);
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ids.add(PrefixedId.newUuid());
        }
        // Ids are the list order, so they must rise in the order the batch gave its messages.
        ids.sort(null);
        List<SessionMessage> rows = new ArrayList<>(batch.size());
        for (int i = 0; i < resolved.size(); i++) {
            rows.add(toRow(ids.get(i), tenant, sessionId, resolved.get(i), now));
        }
        Set<UUID> inserted = new HashSet<>(messages.insertAll(tenant, sessionId, rows));
        // A row this batch inserted is answered as built, which is what was stored; only a message
        // whose key an earlier batch stored is read back.
        Map<String, SessionMessage> byKey = index(messages.findByIdempotencyKeys(tenant, sessionId,
                rows.stream().filter(r -> r.idempotencyKey != null && !inserted.contains(r.id))
                        .map(r -> r.idempotencyKey).toList()),
                m -> m.idempotencyKey);
        return rows.stream().map(r -> inserted.contains(r.id) ? r : byKey.get(r.idempotencyKey)).toList();
    }

    /**
     * A response or error takes the method of the request it answers: the latest one with its
     * JSON-RPC id from the other side of its server session, earlier in the batch or else stored.
     */
    private List<IncomingMessage> withRequestMethods(String tenant, UUID sessionId, List<IncomingMessage> batch) {
        List<IncomingMessage> resolved = new ArrayList<>(batch);
        Map<RequestKey, String> requestsInBatch = new HashMap<>();
        List<Integer> unresolved = new ArrayList<>();
        List<RequestKey> unresolvedKeys = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IncomingMessage message = batch.get(i);
            JsonRpcShape shape = message.shape();
            if (shape.type() == MessageType.REQUEST) {
                requestsInBatch.put(new RequestKey(message.serverSessionId(), message.senderType(), shape.jsonrpcId()),
                        shape.method());
            } else if (shape.answers() && shape.jsonrpcId() != null) {
                RequestKey key = new RequestKey(message.serverSessionId(), message.requesterType(), shape.jsonrpcId());
                String method = requestsInBatch.get(key);
                if (method != null) {
                    resolved.set(i, message.withShape(shape.withMethod(method)));
                } else {
                    unresolved.add(i);
                    unresolvedKeys.add(key);
                }
            }
        }
        List<String> stored = messages.requestMethods(tenant, sessionId, unresolvedKeys);
        for (int k = 0; k < unresolved.size(); k++) {
            int i = unresolved.get(k);
            resolved.set(i, batch.get(i).withShape(batch.get(i).shape().withMethod(stored.get(k))));
        }
        return resolved;
    }

    private static SessionMessage toRow(UUID id, String tenant, UUID sessionId, IncomingMessage message, Instant now) {
        SessionMessage row = new SessionMessage();
        row.id = id;
        row.tenantId = tenant;
        row.sessionId = sessionId;
        row.serverSessionId = message.serverSessionId();
        row.providerRunId = message.providerRunId();
        row.participantId = message.participantId();
        row.type = message.shape().type().text();
        row.method = message.shape().method();
        row.jsonrpcId = message.shape().jsonrpcId();
        row.senderType = message.senderType();
        row.senderId = message.senderId();
        row.payload = message.payload();
        row.createdAt = message.createdAt() == null ? now : message.createdAt();
        row.idempotencyKey = message.idempotencyKey();
        return row;
    }

    private static <K> Map<K, SessionMessage> index(List<SessionMessage> rows, Function<SessionMessage, K> key) {
        return rows.stream().collect(Collectors.toMap(key, Function.identity()));
    }
}
