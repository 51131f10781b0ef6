package dev.sessionledger.sessions.mcp;

import java.util.UUID;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;

/** The id prefixes of the MCP side, and parsing of ids that name something which must exist. */
public final class McpIds {

    public static final String SESSION = "ses";
    public static final String CONNECTION = "sco";
    public static final String PARTICIPANT = "spt";
    public static final String SESSION_PROVIDER = "spr";
    public static final String PROVIDER_RUN = "srr";
    public static final String MESSAGE = "smg";

    private McpIds() {
    }

    /** The UUID of a path id; a malformed one names nothing that exists, so it is a 404 for {@code entity}. */
    public static UUID existing(String prefix, String text, String entity) {
        return PrefixedId.parse(prefix, text).orElseThrow(() -> Failure.notFound(entity, text));
    }

    public static String format(String prefix, UUID id) {
        return id == null ? null : PrefixedId.format(prefix, id);
    }
}
