package dev.sessionledger.messages.mcp;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;

/** Reads a session's recorded messages within the caller's tenant. */
@ApplicationScoped
public class SessionMessageService {

    @Inject
    SessionMessageRepository messages;

    public MetorialPage<SessionMessage> list(String tenant, UUID sessionId, MetorialListRequest request) {
        return messages.page(tenant, sessionId, request);
    }
}
