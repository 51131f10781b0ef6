package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A peer event as read for an answer or for the peer's leaving event, a record rather than a managed entity. */
public record PeerEventRow(UUID id, UUID sessionId, UUID peerId, String eventName, String presetViewType,
        String socketSessionId, BigDecimal minutesConsumed, Instant createdAt) {

    /** The HQL select list of this record, in its components' order, over an event aliased {@code e}. */
    static final String SELECT = "select new " + PeerEventRow.class.getName() + "(e.id, e.sessionId, e.peerId,"
            + " e.eventName, e.presetViewType, e.socketSessionId, e.minutesConsumed, e.createdAt) from PeerEvent e";
}
