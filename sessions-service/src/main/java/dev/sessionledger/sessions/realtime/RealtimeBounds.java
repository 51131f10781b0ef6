package dev.sessionledger.sessions.realtime;

import dev.sessionledger.commons.validation.FreeFormBounds;

/**
 * The documented maxima of the RealtimeKit write API and list queries: one past any of them is a
 * 400 naming the field. Text is counted in characters; ids are UUIDs (36 characters).
 */
public final class RealtimeBounds {

    /** {@code associated_id} of a session start and of the list filter: a meeting id or a room name. */
    public static final int ASSOCIATED_ID = 128;
    /** {@code meeting_display_name} of a session, {@code display_name} of a peer. */
    public static final int NAME = 256;
    /** A peer's {@code user_id}, {@code custom_participant_id}, {@code preset_name}, {@code socket_session_id}. */
    public static final int REFERENCE = 128;
    /** A chat message's {@code payload}, a transcript segment's {@code text}. */
    public static final int TEXT = 10_000;
    /** Chat messages or transcript segments in one request. */
    public static final int BATCH = 1000;
    /** Top-level keys of a session's {@code meta}. */
    public static final int META_KEYS = FreeFormBounds.METADATA_KEYS;
    /** Characters of every key and string of a session's {@code meta}. */
    public static final int META_TEXT = FreeFormBounds.METADATA_TEXT;
    /** Top-level keys of a peer report's {@code metadata}, and of its {@code quality}. */
    public static final int REPORT_KEYS = 100;
    /** Characters of every key and string of a peer report's {@code metadata}, and of its {@code quality}. */
    public static final int REPORT_TEXT = 65_536;
    /** {@code search} of the session and participant lists. */
    public static final int SEARCH = 256;

    private RealtimeBounds() {
    }
}
