package dev.sessionledger.sessions.realtime.session;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.ListEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.SessionPath;
import dev.sessionledger.sessions.realtime.meeting.SessionQuery;

/** The sessions of one RealtimeKit app: list them, and start one. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(SessionPath.SESSIONS)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class RealtimeSessionResource {

    @Inject
    RealtimeSessionService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Fetch all sessions of an App", description = "Filtered, sorted and paged; the paging "
            + "object counts every session that matches.")
    public ListEnvelope<SessionViews.Sessions> list(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId, @BeanParam SessionListParams params) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        SessionQuery query = params.toQuery();
        RealtimeSessionService.SessionPage page = service.list(scope, query);
        var sessions = page.sessions().stream().map(s -> SessionMapper.session(s, false)).toList();
        return new ListEnvelope<>(true, new SessionViews.Sessions(sessions), query.page().paging(sessions, page.total()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session", description = "201 when created; 200 when a retry names an existing id.")
    public Response start(@PathParam("account_id") String accountId, @PathParam("app_id") String appId,
            @Valid SessionRequests.StartSession body) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        RealtimeSessionService.Started started = service.start(scope, body);
        return Response.status(started.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Envelope.of(SessionMapper.session(started.snapshot(), false))).build();
    }
}
