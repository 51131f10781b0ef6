package dev.sessionledger.sessions.realtime.participant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.sessionledger.commons.validation.OneOf;
import dev.sessionledger.commons.validation.Timestamp;
import dev.sessionledger.commons.validation.UuidText;
import dev.sessionledger.sessions.realtime.RealtimeBounds;
import dev.sessionledger.sessions.realtime.Text;

/**
 * Bodies of a peer's join and leave (snake_case on the wire). The maxima are those of
 * {@link RealtimeBounds}; one past any of them is a 400 naming the field.
 */
public final class ParticipantRequests {

    private ParticipantRequests() {
    }

    /** {@code POST /sessions/{id}/participants}: a peer joins. */
    public record Join(@Schema(format = "uuid") @UuidText String peerId,
            @Schema(maxLength = RealtimeBounds.REFERENCE) @Text(max = RealtimeBounds.REFERENCE) String userId,
            @Schema(maxLength = RealtimeBounds.REFERENCE) @Text(max = RealtimeBounds.REFERENCE)
            String customParticipantId,
            @Schema(maxLength = RealtimeBounds.NAME) @Text(max = RealtimeBounds.NAME, required = true)
            String displayName,
            @Schema(maxLength = RealtimeBounds.REFERENCE) @Text(max = RealtimeBounds.REFERENCE) String presetName,
            @Schema(enumeration = { "GROUP_CALL", "WEBINAR", "AUDIO_ROOM", "LIVESTREAM", "CHAT" })
            @OneOf({ "GROUP_CALL", "WEBINAR", "AUDIO_ROOM", "LIVESTREAM", "CHAT" }) String presetViewType,
            @Schema(maxLength = RealtimeBounds.REFERENCE) @Text(max = RealtimeBounds.REFERENCE) String socketSessionId,
            @Schema(format = "date-time") @Timestamp String joinedAt) {
    }

    /** {@code POST .../participants/{peer_id}/leave}. */
    public record Leave(@Schema(format = "date-time") @Timestamp String leftAt) {
    }
}
