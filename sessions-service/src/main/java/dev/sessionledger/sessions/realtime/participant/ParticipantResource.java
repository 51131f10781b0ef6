package dev.sessionledger.sessions.realtime.participant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.OptionalBody;
import dev.sessionledger.sessions.realtime.QueryValues;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.SessionPath;
import dev.sessionledger.sessions.realtime.meeting.PeerEventRow;

/** The participants (peers) of one session: list, details, join and leave. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(SessionPath.SESSION_PATH + "/participants")
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
    @Operation(summary = "Fetch participants list of a session", description = "Searched, sorted and paged; "
            + "RealtimeKit's participant list carries no paging total.")
    public Envelope<ParticipantViews.Participants> list(@BeanParam SessionPath path,
            @BeanParam ParticipantListParams params) {
        RealtimeScope scope = path.scope(caller);
        ParticipantQuery query = params.toQuery();
        UUID session = path.sessionId();
        if (query.consolidated()) {
            ParticipantService.ConsolidatedPage result = service.consolidated(scope, session, query)
                    .orElseThrow(path::notFound);
            return Envelope.of(new ParticipantViews.Participants(result.people().stream()
                    .map(row -> ParticipantMapper.consolidated(row, query.withEvents(), result)).toList()));
        }
        ParticipantService.ParticipantPage result = service.list(scope, session, query).orElseThrow(path::notFound);
        Map<UUID, List<PeerEventRow>> events = result.events();
        return Envelope.of(new ParticipantViews.Participants(result.peers().stream()
                .map(p -> ParticipantMapper.participant(p, result.asOf(),
                        query.withEvents() ? events.getOrDefault(p.id(), List.of()) : null))
                .toList()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A peer joins the session", description = "201 when created; 200 when a retry names a peer "
            + "already inside; 409 when the session has ended or the peer id was used before.")
    public Response join(@BeanParam SessionPath path, @Valid ParticipantRequests.Join body) {
        ParticipantService.Joined joined = service.join(path.scope(caller), path.sessionId(), body)
                .orElseThrow(path::notFound);
        return Response.status(joined.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(Envelope.of(new ParticipantViews.OneParticipant(
                        ParticipantMapper.participant(joined.peer(), joined.asOf(), null))))
                .build();
    }

    @GET
    @Path("/{participant_id}")
    @Operation(summary = "Fetch details of a participant")
    public Envelope<ParticipantViews.OneParticipant> get(@BeanParam SessionPath path,
            @PathParam("participant_id") String participantId,
            @QueryParam("include_peer_events") @Parameter(description = "Adds the participant's peer_events.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) List<String> peerEvents) {
        RealtimeScope scope = path.scope(caller);
        boolean withEvents = QueryValues.flag("include_peer_events", peerEvents);
        UUID peer = Uuids.existing(participantId, PARTICIPANT);
        return service.find(scope, path.sessionId(), peer, withEvents)
                .map(p -> Envelope.of(new ParticipantViews.OneParticipant(
                        ParticipantMapper.participant(p.peer(), p.asOf(), p.events()))))
                .orElseThrow(() -> Failure.notFound(PARTICIPANT, participantId));
    }

    @POST
    @Path("/{participant_id}/leave")
    @Operation(summary = "A peer leaves the session", description = "The JSON body {\"left_at\"} is optional "
            + "(default now); leaving twice is a 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ParticipantRequests.Leave.class)))
    public Envelope<ParticipantViews.OneParticipant> leave(@BeanParam SessionPath path,
            @PathParam("participant_id") String participantId, String body) throws JsonProcessingException {
        RealtimeScope scope = path.scope(caller);
        UUID peer = Uuids.existing(participantId, PARTICIPANT);
        return service.leave(scope, path.sessionId(), peer, optionalBody.read(body, ParticipantRequests.Leave.class))
                .map(p -> Envelope.of(new ParticipantViews.OneParticipant(
                        ParticipantMapper.participant(p, p.leftAt(), null))))
                .orElseThrow(() -> Failure.notFound(PARTICIPANT, participantId));
    }
}
