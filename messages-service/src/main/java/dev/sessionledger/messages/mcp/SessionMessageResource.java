package dev.sessionledger.messages.mcp;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.commons.metorial.MetorialListParams;
import dev.sessionledger.commons.metorial.MetorialListRequest;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.messages.ingest.InflightBodies;
import dev.sessionledger.messages.ingest.MessageBatchParser;
import dev.sessionledger.messages.ingest.MessageIngestService;
import dev.sessionledger.messages.message.MessageFilter;
import dev.sessionledger.messages.message.SessionMessageService;
import io.vertx.ext.web.RoutingContext;

/** The Session Messages API: a session's MCP messages, in Metorial's shapes, and the batch that records them. */
@ApiErrors(MetorialEnvelope.class)
@Path("/sessions/{session_id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session messages")
public class SessionMessageResource {

    private static final String SESSION = "session";

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
    @Operation(summary = "List session messages", description = "Returns a paginated list of messages for a "
            + "session, keyset-paged by id; the filters take one value or several.")
    public MetorialPage<SessionMessageView> list(
            @Parameter(description = "The unique identifier for the session") @PathParam("session_id") String sessionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @BeanParam MetorialListParams paging,
            @BeanParam MessageFilterParams filters) {
        UUID session = IdPrefix.SESSION.existing(sessionId, SESSION);
        MetorialListRequest request = paging.toRequest(IdPrefix.MESSAGE);
        MessageFilter filter = filters.toFilter();
        return service.list(authorization, caller.tenant(), session, filter, request).map(SessionMessageMapper::toView);
    }

    @GET
    @Path("/{session_message_id}")
    @Operation(summary = "Get a session message", description = "Retrieves a specific message from a session.")
    public SessionMessageView get(
            @Parameter(description = "The unique identifier for the session") @PathParam("session_id") String sessionId,
            @Parameter(description = "The unique identifier for the session_message")
            @PathParam("session_message_id") String messageId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID session = IdPrefix.SESSION.existing(sessionId, SESSION);
        return service.find(authorization, caller.tenant(), session, IdPrefix.MESSAGE.parse(messageId))
                .map(SessionMessageMapper::toView)
                .orElseThrow(() -> Failure.notFound(SessionMessageView.OBJECT, messageId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record session messages", description = "A batch of 1 to 1000 JSON-RPC messages, stored "
            + "all or none; a message whose idempotency_key the session holds is returned, not stored again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
            description = "{\"messages\":[{\"payload\",\"sender\",\"server_session_id\",\"provider_run_id\","
                    + "\"participant_id\",\"created_at\",\"idempotency_key\"}]}")))
    public Response record(
            @Parameter(description = "The unique identifier for the session") @PathParam("session_id") String sessionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context RoutingContext exchange,
            InputStream body) throws JsonProcessingException {
        InputStream batch = bodies.admit(exchange, body);
        UUID session = IdPrefix.SESSION.existing(sessionId, SESSION);
        List<SessionMessageView> items = ingest.ingest(authorization, caller.tenant(), session, parser.parse(batch))
                .stream().map(SessionMessageMapper::toView).toList();
        return Response.status(Response.Status.CREATED).entity(new RecordedMessages(items)).build();
    }

    /** The answer to a recorded batch: its messages as stored, in the batch's order. */
    public record RecordedMessages(List<SessionMessageView> items) {
    }
}
