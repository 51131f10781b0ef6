package dev.sessionledger.sessions.realtime;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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

/** One meeting session: its details, end, chat, transcript and summary. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(RealtimeSessionResource.BASE + "/{session_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class SessionDetailResource {

    @Inject
    RealtimeSessionService sessions;

    @Inject
    RecordingService recordings;

    @Inject
    SummaryService summaries;

    @Inject
    DownloadLinks links;

    @Inject
    OptionalBody optionalBody;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Fetch details of a session", description = "include_breakout_rooms adds breakout_rooms.")
    public Envelope<RealtimeViews.Session> get(@BeanParam SessionPath path, @Context UriInfo uri) {
        boolean breakoutRooms = PageRequest.flag(uri.getQueryParameters(), "include_breakout_rooms");
        return sessions.find(path.scope(caller), path.sessionId())
                .map(s -> Envelope.of(RealtimeMapper.session(s, breakoutRooms))).orElseThrow(path::notFound);
    }

    @POST
    @Path("/end")
    @Operation(summary = "End a session", description = "Peers still inside leave at ended_at (default now); "
            + "the JSON body {\"ended_at\"} is optional.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RealtimeRequests.End.class)))
    public Envelope<RealtimeViews.Session> end(@BeanParam SessionPath path, String body)
            throws JsonProcessingException {
        RealtimeScope scope = path.scope(caller);
        return sessions.end(scope, path.sessionId(), optionalBody.read(body, RealtimeRequests.End.class))
                .map(s -> Envelope.of(RealtimeMapper.session(s, false))).orElseThrow(path::notFound);
    }

    @GET
    @Path("/chat")
    @Operation(summary = "Fetch all chat messages of a session", description = "A signed, expiring CSV download URL.")
    public Envelope<RealtimeViews.ChatDownload> chat(@BeanParam SessionPath path) {
        RealtimeScope scope = path.scope(caller);
        UUID id = existing(path, scope);
        DownloadLinks.Link link = links.sign(scope, id, "chat", "csv");
        return Envelope.of(new RealtimeViews.ChatDownload(link.url(), link.expiresAt()));
    }

    @POST
    @Path("/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append chat messages", description = "Up to 1000 in one transaction; known ids are skipped.")
    public Response appendChat(@BeanParam SessionPath path, RealtimeRequests.ChatBatch body) {
        return created(recordings.appendChat(path.scope(caller), path.sessionId(), body).orElseThrow(path::notFound));
    }

    @GET
    @Path("/transcript")
    @Operation(summary = "Fetch the complete transcript for a session",
            description = "A signed, expiring download URL; format SRT, VTT, JSON or CSV (default).")
    public Envelope<RealtimeViews.TranscriptDownload> transcript(@BeanParam SessionPath path, @Context UriInfo uri) {
        String format = PageRequest.choice(uri.getQueryParameters(), "format", List.of("SRT", "VTT", "JSON", "CSV"),
                "CSV");
        RealtimeScope scope = path.scope(caller);
        UUID id = existing(path, scope);
        DownloadLinks.Link link = links.sign(scope, id, "transcript", format.toLowerCase(Locale.ROOT));
        return Envelope.of(new RealtimeViews.TranscriptDownload(id, link.url(), link.expiresAt()));
    }

    @POST
    @Path("/transcript")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append transcript segments", description = "Up to 1000 in one transaction; known ids are skipped.")
    public Response appendTranscript(@BeanParam SessionPath path, RealtimeRequests.TranscriptBatch body) {
        return created(recordings.appendTranscript(path.scope(caller), path.sessionId(), body)
                .orElseThrow(path::notFound));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Fetch summary of transcripts for a session",
            description = "A signed, expiring download URL; format text (default) or markdown.")
    public Envelope<RealtimeViews.SummaryDownload> summary(@BeanParam SessionPath path, @Context UriInfo uri) {
        String format = PageRequest.choice(uri.getQueryParameters(), "format", List.of("text", "markdown"), "text");
        RealtimeScope scope = path.scope(caller);
        UUID id = path.sessionId();
        summaries.find(scope, id).orElseThrow(() -> Failure.of(Failure.Kind.NOT_FOUND,
                "No summary has been generated for session " + id + "; POST to this path generates one"));
        DownloadLinks.Link link = links.sign(scope, id, "summary", format);
        return Envelope.of(new RealtimeViews.SummaryDownload(id, link.url(), link.expiresAt()));
    }

    @POST
    @Path("/summary")
    @Operation(summary = "Generate summary of Transcripts for the session",
            description = "Summarizes the transcript now; 409 when the session has no transcript.")
    public Envelope<RealtimeViews.SummaryStatus> generateSummary(@BeanParam SessionPath path) {
        RealtimeScope scope = path.scope(caller);
        UUID id = path.sessionId();
        summaries.generate(scope, id).orElseThrow(path::notFound);
        return Envelope.of(new RealtimeViews.SummaryStatus(id, "COMPLETED"));
    }

    private UUID existing(SessionPath path, RealtimeScope scope) {
        UUID id = path.sessionId();
        sessions.find(scope, id).orElseThrow(path::notFound);
        return id;
    }

    private static Response created(RealtimeViews.BatchResult result) {
        return Response.status(Response.Status.CREATED).entity(Envelope.of(result)).build();
    }
}
