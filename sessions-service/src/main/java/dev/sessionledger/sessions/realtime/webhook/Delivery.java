package dev.sessionledger.sessions.realtime.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one delivery says, read from its body ({@link DeliveryParser}): the meeting session it is
 * about, and the facts of its event. Fields an event does not carry are null.
 *
 * @param detail      the end's reason, or the recording's or livestream's status object
 * @param downloadUrl the chat, transcript or summary file to import
 * @param downloadExpiresAt until when the URL works, when the delivery says
 */
public record Delivery(String event, UUID sessionId, String meetingId, String title, Instant startedAt,
        Instant endedAt, UUID peerId, String displayName, String customParticipantId, String userId,
        Instant joinedAt, Instant leftAt, JsonNode detail, URI downloadUrl, Instant downloadExpiresAt) {

    public static final String STARTED = "meeting.started";
    public static final String ENDED = "meeting.ended";
    public static final String JOINED = "meeting.participantJoined";
    public static final String LEFT = "meeting.participantLeft";
    public static final String CHAT = "meeting.chatSynced";
    public static final String TRANSCRIPT = "meeting.transcript";
    public static final String SUMMARY = "meeting.summary";
    public static final String RECORDING = "recording.statusUpdate";
    public static final String LIVESTREAM = "livestreaming.statusUpdate";

    /** Whether the event carries a file to import. */
    public boolean imports() {
        return downloadUrl != null;
    }
}
