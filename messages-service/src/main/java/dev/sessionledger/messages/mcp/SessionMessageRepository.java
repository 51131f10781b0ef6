package dev.sessionledger.messages.mcp;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.commons.metorial.KeysetPager;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads recorded messages, always within one tenant. */
@ApplicationScoped
public class SessionMessageRepository implements PanacheRepositoryBase<SessionMessage, UUID> {

    /** One keyset page of a session's messages, served by {@code session_message_session_idx}. */
    public MetorialPage<SessionMessage> page(String tenant, UUID sessionId, MetorialListRequest request) {
        return KeysetPager.page(this, "tenantId = :tenant and sessionId = :session",
                Map.of("tenant", tenant, "session", sessionId), request);
    }
}
