package dev.sessionledger.sessions.realtime;

import java.io.Serializable;
import java.util.UUID;

/**
 * The identity of a meeting session, a peer or a peer event: clients may choose ids, which are
 * therefore unique within a tenant only, so the tenant is part of every key (as in the tables).
 */
public record RealtimeKey(String tenantId, UUID id) implements Serializable {
}
