package dev.sessionledger.sessions.realtime.session;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.OptionalBody;
import dev.sessionledger.sessions.realtime.QueryValues;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.SessionPath;

/** One meeting session: its details, and its end. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(SessionPath.SESSION_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class SessionDetailResource {

    @Inject
    RealtimeSessionService sessions;

    @Inject
    OptionalBody optionalBody;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Fetch details of a session")
    public Envelope<SessionViews.Session> get(@BeanParam SessionPath path,
            @QueryParam("include_breakout_rooms") @Parameter(description = "Adds the session's breakout_rooms.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) List<String> breakoutRooms) {
        boolean withBreakoutRooms = QueryValues.flag("include_breakout_rooms", breakoutRooms);
        return sessions.find(path.scope(caller), path.sessionId())
                .map(s -> Envelope.of(SessionMapper.session(s, withBreakoutRooms))).orElseThrow(path::notFound);
    }

    @POST
    @Path("/end")
    @Operation(summary = "End a session", description = "Peers still inside leave at ended_at (default now); "
            + "the JSON body {\"ended_at\"} is optional.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SessionRequests.End.class)))
    public Envelope<SessionViews.Session> end(@BeanParam SessionPath path, String body)
            throws JsonProcessingException {
        RealtimeScope scope = path.scope(caller);
        return sessions.end(scope, path.sessionId(), optionalBody.read(body, SessionRequests.End.class))
                .map(s -> Envelope.of(SessionMapper.session(s, false))).orElseThrow(path::notFound);
    }
}
