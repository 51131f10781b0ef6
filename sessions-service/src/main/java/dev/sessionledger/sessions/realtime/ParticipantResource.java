package dev.sessionledger.sessions.realtime;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.realtime.RealtimeViews.Envelope;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;

/** The participants (peers) of one session: list, details, join and leave. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(RealtimeSessionResource.BASE + "/{session_id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class ParticipantResource {

    private static final String PARTICIPANT = "participant";

    @Inject
    ParticipantService service;

    @Inject
    OptionalBody optionalBody;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Fetch participants list of a session", description = "search; page_no, per_page; sort_by "
            + "joinedAt|duration; sort_order; include_peer_events; view raw (one row per peer) or consolidated (per person).")
    public Envelope<RealtimeViews.Participants> list(@BeanParam SessionPath path, @Context UriInfo uri) {
        RealtimeScope scope = path.scope(caller);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        String search = PageRequest.text(query, "search", RealtimeBounds.SEARCH);
        String sortBy = PageRequest.choice(query, "sort_by", List.of("joinedAt", "duration"), "joinedAt");
        boolean withEvents = PageRequest.flag(query, "include_peer_events");
        String view = PageRequest.choice(query, "view", List.of("raw", "consolidated"), "raw");
        PageRequest page = PageRequest.parse(query, true);
        UUID session = path.sessionId();
        if ("consolidated".equals(view)) {
            ParticipantService.ConsolidatedPage result = service.consolidated(scope, session, search, sortBy, page,
                    withEvents).orElseThrow(path::notFound);
            return Envelope.of(new RealtimeViews.Participants(result.people().stream()
                    .map(row -> RealtimeMapper.consolidated(row, withEvents, result)).toList()));
        }
        ParticipantService.ParticipantPage result = service.list(scope, session, search, sortBy, page, withEvents)
                .orElseThrow(path::notFound);
        Map<UUID, List<PeerEvent>> events = result.events();
        return Envelope.of(new RealtimeViews.Participants(result.peers().stream()
                .map(p -> RealtimeMapper.participant(p, result.asOf(),
                        withEvents ? events.getOrDefault(p.id, List.of()) : null))
                .toList()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A peer joins the session", description = "201 when created; 200 when a retry names a peer "
            + "already inside; 409 when the session has ended or the peer id was used before.")
    public Response join(@BeanParam SessionPath path, RealtimeRequests.Join body) {
        ParticipantService.Joined joined = service.join(path.scope(caller), path.sessionId(), body)
                .orElseThrow(path::notFound);
        return Response.status(joined.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Envelope.of(new RealtimeViews.OneParticipant(
                        RealtimeMapper.participant(joined.peer(), Inputs.now(), null))))
                .build();
    }

    @GET
    @Path("/{participant_id}")
    @Operation(summary = "Fetch details of a participant", description = "include_peer_events adds peer_events.")
    public Envelope<RealtimeViews.OneParticipant> get(@BeanParam SessionPath path,
            @PathParam("participant_id") String participantId, @Context UriInfo uri) {
        RealtimeScope scope = path.scope(caller);
        boolean withEvents = PageRequest.flag(uri.getQueryParameters(), "include_peer_events");
        UUID peer = RealtimeIds.pathId(PARTICIPANT, participantId);
        return service.find(scope, path.sessionId(), peer, withEvents)
                .map(p -> Envelope.of(new RealtimeViews.OneParticipant(
                        RealtimeMapper.participant(p.peer(), Inputs.now(), p.events()))))
                .orElseThrow(() -> Failure.notFound(PARTICIPANT, participantId));
    }

    @POST
    @Path("/{participant_id}/leave")
    @Operation(summary = "A peer leaves the session", description = "The JSON body {\"left_at\"} is optional "
            + "(default now); leaving twice is a 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RealtimeRequests.Leave.class)))
    public Envelope<RealtimeViews.OneParticipant> leave(@BeanParam SessionPath path,
            @PathParam("participant_id") String participantId, String body) throws JsonProcessingException {
        RealtimeScope scope = path.scope(caller);
        UUID peer = RealtimeIds.pathId(PARTICIPANT, participantId);
        return service.leave(scope, path.sessionId(), peer, optionalBody.read(body, RealtimeRequests.Leave.class))
                .map(p -> Envelope.of(new RealtimeViews.OneParticipant(RealtimeMapper.participant(p, p.leftAt, null))))
                .orElseThrow(() -> Failure.notFound(PARTICIPANT, participantId));
    }
}
