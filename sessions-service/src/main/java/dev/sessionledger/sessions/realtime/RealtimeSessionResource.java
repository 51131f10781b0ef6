package dev.sessionledger.sessions.realtime;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.sessions.realtime.RealtimeViews.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeViews.ListEnvelope;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;

/** The sessions of one RealtimeKit app: list them, and start one. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(RealtimeSessionResource.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class RealtimeSessionResource {

    public static final String BASE = "/accounts/{account_id}/realtime/kit/{app_id}/sessions";

    @Inject
    RealtimeSessionService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Fetch all sessions of an App", description = "Filters associated_id, status, start_time, "
            + "end_time, search, participants (1:10); page_no, per_page; sort_by createdAt|minutesConsumed; sort_order.")
    public ListEnvelope<RealtimeViews.Sessions> list(@PathParam("account_id") String accountId,
            @PathParam("app_id") String appId, @Context UriInfo uri) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        SessionQuery query = SessionQuery.parse(uri.getQueryParameters());
        RealtimeSessionService.SessionPage page = service.list(scope, query);
        var sessions = page.sessions().stream().map(s -> RealtimeMapper.session(s, false)).toList();
        return new ListEnvelope<>(true, new RealtimeViews.Sessions(sessions), query.page().paging(sessions, page.total()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session", description = "201 when created; 200 when a retry names an existing id.")
    public Response start(@PathParam("account_id") String accountId, @PathParam("app_id") String appId,
            RealtimeRequests.StartSession body) {
        RealtimeScope scope = RealtimeScope.of(caller, accountId, appId);
        RealtimeSessionService.Started started = service.start(scope, body);
        return Response.status(started.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Envelope.of(RealtimeMapper.session(started.snapshot(), false))).build();
    }
}
