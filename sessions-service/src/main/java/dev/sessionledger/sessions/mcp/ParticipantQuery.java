package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.commons.params.Timestamps;

/** The filters of {@code GET /session-participants}, parsed and checked; each list is "any of". */
public record ParticipantQuery(
        List<String> types,
        List<UUID> ids,
        List<UUID> sessionIds,
        List<UUID> connectionIds,
        List<String> messageIds,
        Range createdAt,
        Range updatedAt) {

    static final Set<String> TYPES = Set.of("mcp_client", "provider", "system", "tool_call", "unknown");
    static final int MAX_VALUES = 100;

    /** A time range; each bound is optional and every given bound applies. */
    public record Range(Instant gt, Instant gte, Instant lt, Instant lte) {

        static final Range NONE = new Range(null, null, null, null);

        public boolean isEmpty() {
            return gt == null && gte == null && lt == null && lte == null;
        }
    }

    public static ParticipantQuery parse(MultivaluedMap<String, String> query) {
        List<String> types = QueryStrings.multi(query, "type", MAX_VALUES);
        for (String type : types) {
            if (!TYPES.contains(type)) {
                throw Failure.invalid("type", "must be one of mcp_client, provider, system, tool_call, unknown");
            }
        }
        List<String> messageIds = QueryStrings.multi(query, "session_message_id", MAX_VALUES);
        for (String id : messageIds) {
            if (PrefixedId.parse(McpIds.MESSAGE, id).isEmpty()) {
                throw Failure.invalid("session_message_id", "must be ids starting with smg_");
            }
        }
        return new ParticipantQuery(types,
                ids(query, "id", McpIds.PARTICIPANT),
                ids(query, "session_id", McpIds.SESSION),
                ids(query, "session_connection_id", McpIds.CONNECTION),
                messageIds,
                range(query, "created_at"),
                range(query, "updated_at"));
    }

    private static List<UUID> ids(MultivaluedMap<String, String> query, String name, String prefix) {
        return QueryStrings.multi(query, name, MAX_VALUES).stream()
                .map(v -> PrefixedId.parse(prefix, v)
                        .orElseThrow(() -> Failure.invalid(name, "must be ids starting with " + prefix + "_")))
                .toList();
    }

    private static Range range(MultivaluedMap<String, String> query, String name) {
        for (String key : query.keySet()) {
            if (key.equals(name) || (key.startsWith(name + "[") && !key.matches(name + "\\[(gt|gte|lt|lte)\\]"))) {
                throw Failure.invalid(name, "takes the bounds " + name + "[gt], [gte], [lt] and [lte]");
            }
        }
        return new Range(instant(query, name, "gt"), instant(query, name, "gte"), instant(query, name, "lt"),
                instant(query, name, "lte"));
    }

    private static Instant instant(MultivaluedMap<String, String> query, String name, String bound) {
        String parameter = name + "[" + bound + "]";
        String text = QueryStrings.single(query, parameter);
        if (text == null) {
            return null;
        }
        return Timestamps.parse(parameter, text);
    }
}
