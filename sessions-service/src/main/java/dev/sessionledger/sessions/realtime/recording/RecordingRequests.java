package dev.sessionledger.sessions.realtime.recording;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.sessionledger.commons.validation.OneOf;
import dev.sessionledger.commons.validation.Timestamp;
import dev.sessionledger.commons.validation.UuidText;
import dev.sessionledger.sessions.realtime.RealtimeBounds;
import dev.sessionledger.sessions.realtime.Text;

/**
 * Batches of chat messages and transcript segments (snake_case on the wire). A batch is checked
 * whole, each item's fields named by its element path ({@link RecordingService}).
 */
public final class RecordingRequests {

    /** A batch holds 1 to {@link RealtimeBounds#BATCH} items. */
    static final String BATCH_SIZE = "must hold 1 to " + RealtimeBounds.BATCH + " items";
    static final String BATCH_MAX = "must hold at most " + RealtimeBounds.BATCH + " items";
    /** The kinds of chat message, the first the default. */
    static final String TEXT = "text";

    private RecordingRequests() {
    }

    /** {@code POST /sessions/{id}/chat}: one transaction. */
    public record ChatBatch(@Schema(maxItems = RealtimeBounds.BATCH) @NotEmpty(message = BATCH_SIZE)
            @Size(max = RealtimeBounds.BATCH, message = BATCH_MAX) List<ChatMessage> messages) {
    }

    /** One chat message; {@code participant_id} is the sending peer, {@code id} makes retries harmless. */
    public record ChatMessage(@Schema(format = "uuid") @UuidText String id,
            @Schema(format = "uuid") @NotNull(message = "is required") @UuidText String participantId,
            @Schema(enumeration = { TEXT, "image", "file" }, defaultValue = TEXT)
            @OneOf({ TEXT, "image", "file" }) String payloadType,
            @Schema(maxLength = RealtimeBounds.TEXT) @Text(max = RealtimeBounds.TEXT, required = true) String payload,
            Boolean pinned, Boolean isEdited, @Schema(format = "date-time") @Timestamp String createdAt) {
    }

    /** {@code POST /sessions/{id}/transcript}: one transaction. */
    public record TranscriptBatch(@Schema(maxItems = RealtimeBounds.BATCH) @NotEmpty(message = BATCH_SIZE)
            @Size(max = RealtimeBounds.BATCH, message = BATCH_MAX) List<Segment> segments) {
    }

    /** One transcribed sentence, timed in milliseconds from the session's start; the end defaults to the start. */
    @EndNotBeforeStart
    public record Segment(@Schema(format = "uuid") @UuidText String id,
            @Schema(format = "uuid") @NotNull(message = "is required") @UuidText String participantId,
            @NotNull(message = "is required and must be zero or more")
            @PositiveOrZero(message = "is required and must be zero or more") Long startMs,
            Long endMs,
            @Schema(maxLength = RealtimeBounds.TEXT) @Text(max = RealtimeBounds.TEXT, required = true) String text) {

        /** The end, or the start when none is given. */
        long end() {
            return endMs == null ? startMs : endMs;
        }
    }
}
