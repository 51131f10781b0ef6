package dev.sessionledger.messages.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.messages.message.MessageFilter;
import dev.sessionledger.messages.message.MessageType;

/**
 * The filters of the session message list, declared for the endpoint ({@code @BeanParam}). Each
 * takes one value or several, repeated or in the {@code qs} array forms ({@code type[]=},
 * {@code type[0]=}); Metorial's SDK sends the server session and run filters as
 * {@code server_session_id} and {@code server_run_id}, so both names are read.
 */
public class MessageFilterParams {

    /** More ids than a page holds never narrow a list usefully. */
    static final int MAX_IDS = MetorialListRequest.MAX_LIMIT;

    @QueryParam("type")
    @Parameter(description = "Filter by message type: one value or several.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = MessageType.class, maxItems = 4))
    public List<String> type;

    @QueryParam("session_provider_id")
    @Parameter(description = "Filter by session provider ID(s): the server sessions the messages belong to.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, maxItems = MAX_IDS))
    public List<String> sessionProviderId;

    @QueryParam("server_session_id")
    @Parameter(description = "Filter by session provider ID(s), under the name Metorial's SDK sends; "
            + "taken together with session_provider_id.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, maxItems = MAX_IDS))
    public List<String> serverSessionId;

    @QueryParam("provider_run_id")
    @Parameter(description = "Filter by provider run ID(s): the runs of a server session the messages belong to.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, maxItems = MAX_IDS))
    public List<String> providerRunId;

    @QueryParam("server_run_id")
    @Parameter(description = "Filter by provider run ID(s), under the name Metorial's SDK sends; "
            + "taken together with provider_run_id.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, maxItems = MAX_IDS))
    public List<String> serverRunId;

    /**
     * @throws Failure invalid input naming the first parameter at fault
     */
    public MessageFilter toFilter() {
        List<MessageType> types = new ArrayList<>();
        for (String text : QueryStrings.multi("type", type, MessageType.values().length)) {
            types.add(MessageType.of(text).orElseThrow(
                    () -> Failure.invalid("type", "must be request, response, notification or error")));
        }
        List<UUID> serverSessions = ids(IdPrefix.SESSION_PROVIDER, "session_provider_id", sessionProviderId);
        serverSessions.addAll(ids(IdPrefix.SESSION_PROVIDER, "server_session_id", serverSessionId));
        List<UUID> runs = ids(IdPrefix.PROVIDER_RUN, "provider_run_id", providerRunId);
        runs.addAll(ids(IdPrefix.PROVIDER_RUN, "server_run_id", serverRunId));
        return new MessageFilter(types, serverSessions, runs);
    }

    private static List<UUID> ids(IdPrefix prefix, String parameter, List<String> values) {
        return new ArrayList<>(prefix.inputs(parameter, QueryStrings.multi(parameter, values, MAX_IDS)));
    }
}
