package dev.sessionledger.threads.participants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.params.WholeNumbers;
import dev.sessionledger.threads.query.CursorCodec;
import dev.sessionledger.threads.query.FilterCompiler;
import dev.sessionledger.threads.query.OrderByParser;
import dev.sessionledger.threads.query.ValueType;

/**
 * The query parameters of {@code GET /api/thread-participants}, as the seed names and describes
 * them, declared for the endpoint ({@code @BeanParam}) so that the OpenAPI document lists them.
 */
public class ParticipantListParams {

    @QueryParam("limit")
    @Parameter(description = "Page size (1–100, default 100).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + ParticipantListRequest.MAX_LIMIT,
                    defaultValue = "" + ParticipantListRequest.MAX_LIMIT))
    public String limit;

    @QueryParam("after")
    @Parameter(description = "Keyset cursor — return the page after this row (next page). A page's "
            + "pageInfo.endCursor; it works only with the filter and sort that issued it.",
            schema = @Schema(type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH))
    public String after;

    @QueryParam("before")
    @Parameter(description = "Keyset cursor — return the page before this row (prev page). A page's "
            + "pageInfo.startCursor; cannot be combined with after.",
            schema = @Schema(type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH))
    public String before;

    @QueryParam("ids")
    @Parameter(description = "Comma-separated list of IDs (at most 100). Narrows results to these IDs within the "
            + "caller's accessible scope (does not bypass access checks).", schema = @Schema(type = SchemaType.STRING))
    public String ids;

    @QueryParam("filter")
    @Parameter(description = "Nested filter expression (ThreadParticipantFilter): AND/OR/NOT + per-field comparison "
            + "operators (eq, neq, gt, gte, lt, lte, like, ilike, in, nin, isNull) + relation traversal (thread). "
            + "JSON-encoded on the query string, such as {\"displayName\":{\"ilike\":\"an%\"}}.",
            schema = @Schema(type = SchemaType.STRING, maxLength = FilterCompiler.MAX_LENGTH))
    public String filter;

    @QueryParam("orderBy")
    @Parameter(description = "Multi-key sort (ThreadParticipantOrderBy[]): array of { field: direction } applied in "
            + "order, id last. Directions: asc/desc plus the four explicit nulls variants (asc_nulls_first, "
            + "asc_nulls_last, desc_nulls_first, desc_nulls_last). JSON-encoded on the query string, such as "
            + "[{\"joinedAt\":\"desc_nulls_last\"}].",
            schema = @Schema(type = SchemaType.STRING, maxLength = OrderByParser.MAX_LENGTH))
    public String orderBy;

    @QueryParam("thread_id")
    @Parameter(description = "Optional thread narrower. Admins see every participant when omitted; non-admin callers "
            + "must scope by thread.", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String threadId;

    @QueryParam("user_id")
    @Parameter(description = "Shorthand: filter where userId equals this value.",
            schema = @Schema(type = SchemaType.STRING, maxLength = ValueType.MAX_TEXT))
    public String userId;

    @QueryParam("agent_id")
    @Parameter(description = "Shorthand: filter where agentId equals this value.",
            schema = @Schema(type = SchemaType.STRING, maxLength = ValueType.MAX_TEXT))
    public String agentId;

    @QueryParam("swarm_id")
    @Parameter(description = "Shorthand: filter where swarmId equals this value.",
            schema = @Schema(type = SchemaType.STRING, maxLength = ValueType.MAX_TEXT))
    public String swarmId;

    @QueryParam("last_read_message_id")
    @Parameter(description = "Shorthand: filter where lastReadMessageId equals this value.",
            schema = @Schema(type = SchemaType.STRING, maxLength = ValueType.MAX_TEXT))
    public String lastReadMessageId;

    /** The request these parameters make; a 400 names the first one at fault. */
    public ParticipantListRequest toRequest() {
        if (after != null && before != null) {
            throw Failure.invalid("before", "cannot be combined with after; page one way at a time");
        }
        Map<ParticipantField, String> equals = new LinkedHashMap<>();
        shorthand(equals, ParticipantField.USER_ID, "user_id", userId);
        shorthand(equals, ParticipantField.AGENT_ID, "agent_id", agentId);
        shorthand(equals, ParticipantField.SWARM_ID, "swarm_id", swarmId);
        shorthand(equals, ParticipantField.LAST_READ_MESSAGE_ID, "last_read_message_id", lastReadMessageId);
        int pageSize = WholeNumbers.parse("limit", limit, ParticipantListRequest.MAX_LIMIT, 1,
                ParticipantListRequest.MAX_LIMIT);
        return new ParticipantListRequest(pageSize, after, before, ids(), thread(), equals,
                FilterCompiler.compile(filter, ParticipantField.FILTER_SCHEMA, "filter"),
                OrderByParser.parse(orderBy, ParticipantField.BY_WIRE, ParticipantField.ID, "orderBy"));
    }

    private UUID thread() {
        return threadId == null ? null : (UUID) ValueType.UUID_TEXT.parse(threadId.trim(), "thread_id");
    }

    private List<UUID> ids() {
        if (ids == null) {
            return List.of();
        }
        String[] parts = ids.split(",", -1);
        if (parts.length > ParticipantListRequest.MAX_IDS) {
            throw Failure.invalid("ids", "may list at most " + ParticipantListRequest.MAX_IDS + " ids");
        }
        List<UUID> parsed = new ArrayList<>();
        for (String part : parts) {
            parsed.add((UUID) ValueType.UUID_TEXT.parse(part.trim(), "ids"));
        }
        return List.copyOf(parsed);
    }

    private static void shorthand(Map<ParticipantField, String> equals, ParticipantField field, String name,
            String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        equals.put(field, (String) field.type().parse(value, name));
    }
}
