package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A peer event as read for an answer or for the peer's leaving event, a record rather than a managed
 * entity; its components are attributes of {@link PeerEvent}, read by {@code RowSelect}.
 */
public record PeerEventRow(UUID id, UUID sessionId, UUID peerId, String eventName, String presetViewType,
        String socketSessionId, BigDecimal minutesConsumed, Instant createdAt) {
}
