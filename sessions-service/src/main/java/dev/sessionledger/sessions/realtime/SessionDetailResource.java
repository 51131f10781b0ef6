package dev.sessionledger.sessions.realtime;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
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
import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.sessions.realtime.RealtimeViews.Envelope;

/** One meeting session: its details, end, chat, transcript and summary. Per request: the path is held in fields. */
@RequestScoped
@Path(RealtimeSessionResource.BASE + "/{session_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class SessionDetailResource {

    private static final String SESSION = "session";

    @Inject
    RealtimeSessionService sessions;

    @Inject
    RecordingService recordings;

    @Inject
    SummaryService summaries;

    @Inject
    DownloadLinks links;

    @Inject
    Caller caller;

    @PathParam("account_id")
    String accountId;

    @PathParam("app_id")
    String appId;

    @PathParam("session_id")
    String sessionId;

    @GET
    @Operation(summary = "Fetch details of a session", description = "include_breakout_rooms adds breakout_rooms.")
    public Envelope<RealtimeViews.Session> get(@Context UriInfo uri) {
        boolean breakoutRooms = PageRequest.flag(uri.getQueryParameters(), "include_breakout_rooms");
        return sessions.find(scope(), id()).map(s -> Envelope.of(RealtimeMapper.session(s, breakoutRooms)))
                .orElseThrow(this::notFound);
    }

    @POST
    @Path("/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a session", description = "Peers still inside leave at ended_at (default now).")
    public Envelope<RealtimeViews.Session> end(RealtimeRequests.End body) {
        return sessions.end(scope(), id(), body).map(s -> Envelope.of(RealtimeMapper.session(s, false)))
                .orElseThrow(this::notFound);
    }

    @GET
    @Path("/chat")
    @Operation(summary = "Fetch all chat messages of a session", description = "A signed, expiring CSV download URL.")
    public Envelope<RealtimeViews.ChatDownload> chat() {
        RealtimeScope scope = scope();
        UUID id = existing(scope);
        DownloadLinks.Link link = links.sign(scope, id, "chat", "csv");
        return Envelope.of(new RealtimeViews.ChatDownload(link.url(), link.expiresAt()));
    }

    @POST
    @Path("/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append chat messages", description = "Up to 1000 in one transaction; known ids are skipped.")
    public Response appendChat(RealtimeRequests.ChatBatch body) {
        return created(recordings.appendChat(scope(), id(), body).orElseThrow(this::notFound));
    }

    @GET
    @Path("/transcript")
    @Operation(summary = "Fetch the complete transcript for a session",
            description = "A signed, expiring download URL; format SRT, VTT, JSON or CSV (default).")
    public Envelope<RealtimeViews.TranscriptDownload> transcript(@Context UriInfo uri) {
        String format = PageRequest.choice(uri.getQueryParameters(), "format", List.of("SRT", "VTT", "JSON", "CSV"),
                "CSV");
        RealtimeScope scope = scope();
        UUID id = existing(scope);
        DownloadLinks.Link link = links.sign(scope, id, "transcript", format.toLowerCase(Locale.ROOT));
        return Envelope.of(new RealtimeViews.TranscriptDownload(id, link.url(), link.expiresAt()));
    }

    @POST
    @Path("/transcript")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append transcript segments", description = "Up to 1000 in one transaction; known ids are skipped.")
    public Response appendTranscript(RealtimeRequests.TranscriptBatch body) {
        return created(recordings.appendTranscript(scope(), id(), body).orElseThrow(this::notFound));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Fetch summary of transcripts for a session",
            description = "A signed, expiring download URL; format text (default) or markdown.")
    public Envelope<RealtimeViews.SummaryDownload> summary(@Context UriInfo uri) {
        String format = PageRequest.choice(uri.getQueryParameters(), "format", List.of("text", "markdown"), "text");
        RealtimeScope scope = scope();
        UUID id = id();
        summaries.find(scope, id).orElseThrow(() -> new ApiException(404,
                "No summary has been generated for session " + id + "; POST to this path generates one", null, null,
                null));
        DownloadLinks.Link link = links.sign(scope, id, "summary", format);
        return Envelope.of(new RealtimeViews.SummaryDownload(id, link.url(), link.expiresAt()));
    }

    @POST
    @Path("/summary")
    @Operation(summary = "Generate summary of Transcripts for the session",
            description = "Summarizes the transcript now; 409 when the session has no transcript.")
    public Envelope<RealtimeViews.SummaryStatus> generateSummary() {
        UUID id = id();
        summaries.generate(scope(), id).orElseThrow(this::notFound);
        return Envelope.of(new RealtimeViews.SummaryStatus(id, "COMPLETED"));
    }

    private RealtimeScope scope() {
        return RealtimeScope.of(caller, accountId, appId);
    }

    private UUID id() {
        return RealtimeIds.pathId(SESSION, sessionId);
    }

    private UUID existing(RealtimeScope scope) {
        UUID id = id();
        sessions.find(scope, id).orElseThrow(this::notFound);
        return id;
    }

    private ApiException notFound() {
        return ApiException.notFound(SESSION, sessionId);
    }

    private static Response created(RealtimeViews.BatchResult result) {
        return Response.status(Response.Status.CREATED).entity(Envelope.of(result)).build();
    }
}
