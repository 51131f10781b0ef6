package dev.sessionledger.sessions.mcp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.commons.params.Timestamps;

/**
 * The filters of {@code GET /session-participants}, declared for the endpoint ({@code @BeanParam}) so
 * that the OpenAPI document lists them. A list filter takes one value or several, in any form
 * Metorial's SDK writes ({@code type=a&type=b}, {@code type[]=a}, {@code type[0]=a}); a range bound
 * is bound as a list so that a second value is refused rather than dropped.
 */
public class ParticipantListParams {

    static final int MAX_VALUES = 100;

    /** A participant type as the filter takes it, for the OpenAPI document. */
    @Schema(name = "SessionParticipantType", type = SchemaType.STRING, enumeration = { McpParticipant.MCP_CLIENT,
            McpParticipant.PROVIDER, McpParticipant.SYSTEM, McpParticipant.TOOL_CALL, McpParticipant.UNKNOWN })
    interface TypeName {
    }

    @QueryParam("type")
    @Parameter(description = "Only participants of these types.",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = TypeName.class))
    public List<String> type;

    @QueryParam("id")
    @Parameter(description = "Only the participants with these ids (spt_...).",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = String.class))
    public List<String> id;

    @QueryParam("session_id")
    @Parameter(description = "Only participants of these sessions (ses_...), as clients or providers.",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = String.class))
    public List<String> sessionId;

    @QueryParam("session_connection_id")
    @Parameter(description = "Only the participants of these connections (sco_...).",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = String.class))
    public List<String> sessionConnectionId;

    @QueryParam("session_message_id")
    @Parameter(description = "Only the participants that sent these messages (smg_...).",
            schema = @Schema(type = SchemaType.ARRAY, maxItems = MAX_VALUES, implementation = String.class))
    public List<String> sessionMessageId;

    @QueryParam("created_at[gt]")
    @Parameter(description = "Only participants created after this time.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> createdAtGt;

    @QueryParam("created_at[gte]")
    @Parameter(description = "Only participants created at or after this time.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> createdAtGte;

    @QueryParam("created_at[lt]")
    @Parameter(description = "Only participants created before this time.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> createdAtLt;

    @QueryParam("created_at[lte]")
    @Parameter(description = "Only participants created at or before this time.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> createdAtLte;

    @QueryParam("updated_at[gt]")
    @Parameter(description = "Only participants last updated after this time.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> updatedAtGt;

    @QueryParam("updated_at[gte]")
    @Parameter(description = "Only participants last updated at or after this time.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> updatedAtGte;

    @QueryParam("updated_at[lt]")
    @Parameter(description = "Only participants last updated before this time.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> updatedAtLt;

    @QueryParam("updated_at[lte]")
    @Parameter(description = "Only participants last updated at or before this time.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public List<String> updatedAtLte;

    /** The filters, read and checked; a bad value is a 400 naming its parameter. */
    public ParticipantQuery toQuery() {
        List<String> types = types();
        List<UUID> messageIds = ids("session_message_id", sessionMessageId, IdPrefix.MESSAGE);
        List<UUID> ids = ids("id", id, IdPrefix.PARTICIPANT);
        List<UUID> sessionIds = ids("session_id", sessionId, IdPrefix.SESSION);
        List<UUID> connectionIds = ids("session_connection_id", sessionConnectionId, IdPrefix.CONNECTION);
        ParticipantQuery.Range createdAt = new ParticipantQuery.Range(instant("created_at[gt]", createdAtGt),
                instant("created_at[gte]", createdAtGte), instant("created_at[lt]", createdAtLt),
                instant("created_at[lte]", createdAtLte));
        ParticipantQuery.Range updatedAt = new ParticipantQuery.Range(instant("updated_at[gt]", updatedAtGt),
                instant("updated_at[gte]", updatedAtGte), instant("updated_at[lt]", updatedAtLt),
                instant("updated_at[lte]", updatedAtLte));
        return new ParticipantQuery(types, ids, sessionIds, connectionIds, messageIds, createdAt, updatedAt);
    }

    private List<String> types() {
        List<String> types = QueryStrings.multi("type", type, MAX_VALUES);
        for (String value : types) {
            if (!McpParticipant.TYPES.contains(value)) {
                throw Failure.invalid("type", "must be one of " + String.join(", ", McpParticipant.TYPES));
            }
        }
        return types;
    }

    private static List<UUID> ids(String name, List<String> given, IdPrefix prefix) {
        return prefix.inputs(name, QueryStrings.multi(name, given, MAX_VALUES));
    }

    private static Instant instant(String name, List<String> given) {
        String text = QueryStrings.single(name, given);
        return text == null ? null : Timestamps.parse(name, text);
    }
}
