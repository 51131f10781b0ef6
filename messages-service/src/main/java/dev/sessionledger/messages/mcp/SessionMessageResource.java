package dev.sessionledger.messages.mcp;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.params.QueryStrings;
import dev.sessionledger.messages.ingest.InflightBodies;
import dev.sessionledger.messages.ingest.JsonRpcShape;
import dev.sessionledger.messages.ingest.MessageBatchParser;
import dev.sessionledger.messages.ingest.MessageIngestService;
import io.vertx.ext.web.RoutingContext;

/** The Session Messages API: a session's MCP messages, in Metorial's shapes, and the batch that records them. */
@ApiErrors(MetorialEnvelope.class)
@Path("/sessions/{session_id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session messages")
public class SessionMessageResource {

    private static final Set<String> TYPES = Set.of(JsonRpcShape.REQUEST, JsonRpcShape.RESPONSE,
            JsonRpcShape.NOTIFICATION, JsonRpcShape.ERROR);
    /** More ids than a page holds never narrow a list usefully. */
    private static final int MAX_FILTER_VALUES = MetorialListRequest.MAX_LIMIT;

    @Inject
    SessionMessageService service;

    @Inject
    MessageIngestService ingest;

    @Inject
    MessageBatchParser parser;

    @Inject
    InflightBodies bodies;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List session messages", description = "Keyset-paged by id: limit, order, after, before, "
            + "cursor; filters type, session_provider_id (or server_session_id), provider_run_id (or server_run_id) "
            + "take one value or several.")
    public MetorialPage<SessionMessageView> list(@PathParam("session_id") String sessionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context UriInfo uri) {
        UUID session = sessionUuid(sessionId);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        MetorialListRequest request = MetorialListRequest.parse(query, SessionMessageMapper.ID_PREFIX);
        List<String> types = QueryStrings.multi(query, "type", TYPES.size());
        if (!TYPES.containsAll(types)) {
            throw Failure.invalid("type", "must be request, response, notification or error");
        }
        // Metorial's SDK sends these filters as server_session_id and server_run_id; both names work.
        MessageFilter filter = new MessageFilter(types,
                ids(query, SessionMessageMapper.SERVER_SESSION_PREFIX, "session_provider_id", "server_session_id"),
                ids(query, SessionMessageMapper.PROVIDER_RUN_PREFIX, "provider_run_id", "server_run_id"));
        return service.list(authorization, caller.tenant(), session, filter, request).map(SessionMessageMapper::toView);
    }

    @GET
    @Path("/{session_message_id}")
    @Operation(summary = "Get a session message")
    public SessionMessageView get(@PathParam("session_id") String sessionId,
            @PathParam("session_message_id") String messageId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID session = sessionUuid(sessionId);
        return service.find(authorization, caller.tenant(), session,
                        PrefixedId.parse(SessionMessageMapper.ID_PREFIX, messageId))
                .map(SessionMessageMapper::toView)
                .orElseThrow(() -> Failure.notFound("session.message", messageId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record session messages", description = "A batch of 1 to 1000 JSON-RPC messages, stored "
            + "all or none; a message whose idempotency_key the session holds is returned, not stored again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            description = "{\"messages\":[{\"payload\",\"sender\",\"server_session_id\",\"provider_run_id\","
                    + "\"participant_id\",\"created_at\",\"idempotency_key\"}]}")))
    public Response record(@PathParam("session_id") String sessionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context RoutingContext exchange,
            InputStream body) throws JsonProcessingException {
        InputStream batch = bodies.admit(exchange, body);
        UUID session = sessionUuid(sessionId);
        List<SessionMessageView> items = ingest.ingest(authorization, caller.tenant(), session, parser.parse(batch))
                .stream().map(SessionMessageMapper::toView).toList();
        return Response.status(Response.Status.CREATED).entity(new RecordedMessages(items)).build();
    }

    /** The answer to a recorded batch: its messages as stored, in the batch's order. */
    public record RecordedMessages(List<SessionMessageView> items) {
    }

    private static UUID sessionUuid(String sessionId) {
        return PrefixedId.parse(SessionMessageMapper.SESSION_PREFIX, sessionId)
                .orElseThrow(() -> Failure.notFound("session", sessionId));
    }

    private static List<UUID> ids(MultivaluedMap<String, String> query, String prefix, String... parameters) {
        List<UUID> ids = new ArrayList<>();
        for (String parameter : parameters) {
            for (String text : QueryStrings.multi(query, parameter, MAX_FILTER_VALUES)) {
                ids.add(PrefixedId.parse(prefix, text).orElseThrow(
                        () -> Failure.invalid(parameter, "must be ids starting with " + prefix + "_")));
            }
        }
        return ids;
    }
}
