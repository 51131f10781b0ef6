package dev.sessionledger.sessions.realtime.session;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.sessionledger.commons.validation.FreeFormJson;
import dev.sessionledger.commons.validation.OneOf;
import dev.sessionledger.commons.validation.Timestamp;
import dev.sessionledger.commons.validation.UuidText;
import dev.sessionledger.sessions.realtime.RealtimeBounds;
import dev.sessionledger.sessions.realtime.Text;

/**
 * Bodies that start and end a session (snake_case on the wire). The maxima are those of
 * {@link RealtimeBounds}; one past any of them is a 400 naming the field.
 */
public final class SessionRequests {

    /** The session types, the first the default. */
    public static final String MEETING = "meeting";

    private static final String META = "A JSON object of at most " + RealtimeBounds.META_KEYS + " keys and "
            + RealtimeBounds.META_TEXT + " characters over every key and string";

    private SessionRequests() {
    }

    /** {@code POST /sessions}: a session starts; {@code id} lets a retry find the session it already made. */
    public record StartSession(@Schema(format = "uuid") @UuidText String id,
            @Schema(maxLength = RealtimeBounds.ASSOCIATED_ID) @Text(max = RealtimeBounds.ASSOCIATED_ID,
                    required = true) String associatedId,
            @Schema(maxLength = RealtimeBounds.NAME) @Text(max = RealtimeBounds.NAME) String meetingDisplayName,
            @Schema(enumeration = { MEETING, "livestream", "participant" }, defaultValue = MEETING)
            @OneOf({ MEETING, "livestream", "participant" }) String type,
            @Schema(format = "date-time") @Timestamp String startedAt,
            @Schema(description = META) @FreeFormJson(maxKeys = RealtimeBounds.META_KEYS,
                    maxText = RealtimeBounds.META_TEXT) Map<String, Object> meta) {
    }

    /** {@code POST /sessions/{id}/end}: every peer still inside leaves at the same moment. */
    public record End(@Schema(format = "date-time") @Timestamp String endedAt) {
    }
}
