package dev.sessionledger.sessions.realtime.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.commons.params.Timestamps;
import dev.sessionledger.sessions.realtime.RealtimeBounds;

/**
 * Reads a delivery's body as RealtimeKit's documentation shows each event: {@code event}, the
 * {@code meeting} it is about, and per event the {@code participant}, the {@code reason}, the
 * {@code recording} or the file's download URL. A field of the wrong shape is a 400 naming it; an
 * event this ledger does not keep is not read past its name.
 */
public final class DeliveryParser {

    static final Set<String> KNOWN = Set.of(Delivery.STARTED, Delivery.ENDED, Delivery.JOINED, Delivery.LEFT,
            Delivery.CHAT, Delivery.TRANSCRIPT, Delivery.SUMMARY, Delivery.RECORDING, Delivery.LIVESTREAM);

    private DeliveryParser() {
    }

    /** The event named by the body, checked to be text. */
    public static String event(JsonNode body) {
        if (!body.isObject()) {
            throw Failure.malformed("A delivery is a JSON object");
        }
        JsonNode event = body.path("event");
        if (!event.isTextual() || event.textValue().isBlank()) {
            throw Failure.invalid("event", "is required");
        }
        return event.textValue();
    }

    /** Whether the ledger keeps deliveries of the event. */
    public static boolean kept(String event) {
        return KNOWN.contains(event);
    }

    /** The delivery of a kept event, as {@link #event} read it from the body. */
    public static Delivery parse(JsonNode body, String event) {
        JsonNode meeting = body.path("meeting");
        if (!meeting.isObject()) {
            throw Failure.invalid("meeting", "is required, an object");
        }
        UUID sessionId = uuid(meeting, "meeting.sessionId", true);
        String meetingId = text(meeting.path("id"), "meeting.id", RealtimeBounds.ASSOCIATED_ID);
        String title = text(meeting.path("title"), "meeting.title", RealtimeBounds.NAME);
        Instant startedAt = instant(meeting.path("startedAt"), "meeting.startedAt");
        Instant endedAt = instant(meeting.path("endedAt"), "meeting.endedAt");
        UUID peerId = null;
        String name = null;
        String customId = null;
        String userId = null;
        Instant joinedAt = null;
        Instant leftAt = null;
        JsonNode detail = null;
        URI download = null;
        String downloadField = null;
        switch (event) {
            case Delivery.JOINED, Delivery.LEFT -> {
                JsonNode participant = body.path("participant");
                if (!participant.isObject()) {
                    throw Failure.invalid("participant", "is required, an object");
                }
                peerId = uuid(participant, "participant.peerId", true);
                name = text(participant.path("userDisplayName"), "participant.userDisplayName", RealtimeBounds.NAME);
                customId = text(participant.path("customParticipantId"), "participant.customParticipantId",
                        RealtimeBounds.REFERENCE);
                userId = text(participant.path("userId"), "participant.userId", RealtimeBounds.REFERENCE);
                joinedAt = instant(participant.path("joinedAt"), "participant.joinedAt");
                leftAt = instant(participant.path("leftAt"), "participant.leftAt");
                if (event.equals(Delivery.JOINED) && joinedAt == null) {
                    throw Failure.invalid("participant.joinedAt", "is required");
                }
                if (event.equals(Delivery.LEFT) && leftAt == null) {
                    throw Failure.invalid("participant.leftAt", "is required");
                }
                if (joinedAt != null && leftAt != null && leftAt.isBefore(joinedAt)) {
                    throw Failure.invalid("participant.leftAt", "must not be before participant.joinedAt");
                }
            }
            case Delivery.ENDED -> detail = reason(body);
            case Delivery.CHAT -> downloadField = "chatDownloadUrl";
            case Delivery.TRANSCRIPT -> downloadField = "transcriptDownloadUrl";
            case Delivery.SUMMARY -> downloadField = "summaryDownloadUrl";
            case Delivery.RECORDING -> detail = status(body.path("recording"), "recording");
            case Delivery.LIVESTREAM -> detail = status(withoutMeeting(body), "livestream");
            default -> {
            }
        }
        Instant expires = null;
        if (downloadField != null) {
            download = url(body, downloadField);
            expires = instant(body.path(downloadField + "Expiry"), downloadField + "Expiry");
        }
        return new Delivery(event, sessionId, meetingId, title, startedAt, endedAt, peerId, name, customId, userId,
                joinedAt, leftAt, detail, download, expires);
    }

    private static JsonNode reason(JsonNode body) {
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        String reason = text(body.path("reason"), "reason", RealtimeBounds.REFERENCE);
        if (reason != null) {
            detail.put("reason", reason);
        }
        return detail;
    }

    /** A recording's or livestream's object, which must say its status. */
    private static JsonNode status(JsonNode object, String field) {
        if (!object.isObject()) {
            throw Failure.invalid(field, "is required, an object");
        }
        if (text(object.path("status"), field + ".status", RealtimeBounds.REFERENCE) == null) {
            throw Failure.invalid(field + ".status", "is required");
        }
        if (object.toString().length() > RealtimeBounds.REPORT_TEXT) {
            throw Failure.invalid(field, "must be at most " + RealtimeBounds.REPORT_TEXT + " characters as JSON");
        }
        return object;
    }

    private static JsonNode withoutMeeting(JsonNode body) {
        ObjectNode rest = ((ObjectNode) body).deepCopy();
        rest.remove("meeting");
        rest.remove("event");
        return rest;
    }

    private static URI url(JsonNode body, String field) {
        String text = text(body.path(field), field, 8192);
        if (text == null) {
            throw Failure.invalid(field, "is required");
        }
        try {
            URI uri = new URI(text);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw Failure.invalid(field, "must be an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw Failure.invalid(field, "must be an http or https URL");
        }
    }

    private static UUID uuid(JsonNode parent, String field, boolean required) {
        JsonNode node = parent.path(field.substring(field.lastIndexOf('.') + 1));
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                throw Failure.invalid(field, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw Failure.invalid(field, "must be a UUID");
        }
        return Uuids.input(field, node.textValue());
    }

    private static String text(JsonNode node, String field, int max) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Failure.invalid(field, "must be text");
        }
        String text = node.textValue().strip();
        if (text.length() > max) {
            throw Failure.invalid(field, "must be at most " + max + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    private static Instant instant(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw Failure.invalid(field, Timestamps.EXPECTED);
        }
        return Timestamps.parse(field, node.textValue());
    }
}
