package dev.sessionledger.sessions.realtime.webhook;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** The facts one stored delivery holds about its meeting session, as {@code rtk_webhook_delivery} keeps them. */
public record Fact(String event, String meetingId, String title, Instant startedAt, Instant endedAt, UUID peerId,
        String displayName, String customParticipantId, String userId, Instant joinedAt, Instant leftAt,
        JsonNode detail, Instant receivedAt) {

    static Fact of(Delivery d, Instant receivedAt) {
        return new Fact(d.event(), d.meetingId(), d.title(), d.startedAt(), d.endedAt(), d.peerId(), d.displayName(),
                d.customParticipantId(), d.userId(), d.joinedAt(), d.leftAt(), d.detail(), receivedAt);
    }
}
