package dev.sessionledger.threads.participants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.params.WholeNumbers;
import dev.sessionledger.threads.query.FilterCompiler;
import dev.sessionledger.threads.query.OrderByParser;
import dev.sessionledger.threads.query.SortKey;
import dev.sessionledger.threads.query.Sql;
import dev.sessionledger.threads.query.ValueType;

/**
 * A validated {@code GET /api/thread-participants} request.
 *
 * @param equals the shorthands ({@code user_id} ...) as field equalities
 * @param filter the compiled {@code filter}, {@link Sql#TRUE} when absent
 * @param sort   the sort keys, always ending with {@code id}
 */
public record ParticipantListRequest(int limit, String after, String before, List<UUID> ids, UUID threadId,
        Map<ParticipantField, String> equals, Sql filter, List<SortKey> sort) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_IDS = 100;

    /** The raw query parameters, as the seed names them. */
    public record Params(String limit, String after, String before, String ids, String filter, String orderBy,
            String threadId, String userId, String agentId, String swarmId, String lastReadMessageId) {
    }

    /** Validates every parameter; a 400 names the first one at fault. */
    public static ParticipantListRequest from(Params params) {
        if (params.after() != null && params.before() != null) {
            throw Failure.invalid("before", "cannot be combined with after; page one way at a time");
        }
        Map<ParticipantField, String> equals = new LinkedHashMap<>();
        shorthand(equals, ParticipantField.USER_ID, "user_id", params.userId());
        shorthand(equals, ParticipantField.AGENT_ID, "agent_id", params.agentId());
        shorthand(equals, ParticipantField.SWARM_ID, "swarm_id", params.swarmId());
        shorthand(equals, ParticipantField.LAST_READ_MESSAGE_ID, "last_read_message_id", params.lastReadMessageId());
        return new ParticipantListRequest(limit(params.limit()), params.after(), params.before(), ids(params.ids()),
                threadId(params.threadId()), equals,
                FilterCompiler.compile(params.filter(), ParticipantField.FILTER_SCHEMA, "filter"),
                OrderByParser.parse(params.orderBy(), ParticipantField.BY_WIRE, ParticipantField.ID, "orderBy"));
    }

    private static int limit(String text) {
        return WholeNumbers.parse("limit", text, MAX_LIMIT, 1, MAX_LIMIT);
    }

    private static UUID threadId(String text) {
        return text == null ? null : (UUID) ValueType.UUID_TEXT.parse(text.trim(), "thread_id");
    }

    private static List<UUID> ids(String text) {
        if (text == null) {
            return List.of();
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_IDS) {
            throw Failure.invalid("ids", "may list at most " + MAX_IDS + " ids");
        }
        List<UUID> ids = new ArrayList<>();
        for (String part : parts) {
            ids.add((UUID) ValueType.UUID_TEXT.parse(part.trim(), "ids"));
        }
        return List.copyOf(ids);
    }

    private static void shorthand(Map<ParticipantField, String> equals, ParticipantField field, String name,
            String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        equals.put(field, (String) field.type().parse(value, name));
    }
}
