package dev.sessionledger.messages.ingest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.messages.message.IncomingMessage;
import dev.sessionledger.messages.message.SessionMessage;
import dev.sessionledger.messages.message.SessionMessageService;
import dev.sessionledger.messages.sessions.SessionDirectory;

/**
 * Records a batch of MCP messages: every session reference is checked with sessions-service
 * first, outside the transaction, so that no database work is held open on a remote call and
 * nothing is stored when a check fails.
 */
@ApplicationScoped
public class MessageIngestService {

    @Inject
    SessionDirectory sessions;

    @Inject
    SessionMessageService messages;

    /** A server session, and the provider run inside it when one is named. */
    private record SessionRefs(UUID serverSessionId, UUID providerRunId) {
    }

    /**
     * @return one stored message per incoming message, in the batch's order
     * @throws dev.sessionledger.commons.errors.Failure not found for a reference the caller cannot
     *         see, unavailable when sessions-service cannot tell now
     */
    public List<SessionMessage> ingest(String authorization, String tenant, UUID sessionId, List<IncomingMessage> batch) {
        Set<SessionRefs> refs = new LinkedHashSet<>();
        batch.forEach(m -> refs.add(new SessionRefs(m.serverSessionId(), m.providerRunId())));
        for (SessionRefs ref : refs) {
            sessions.requireExists(authorization, tenant, sessionId, ref.serverSessionId(), ref.providerRunId());
        }
        return messages.store(tenant, sessionId, batch);
    }
}
