package dev.sessionledger.sessions.realtime.download;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.SessionPath;
import dev.sessionledger.sessions.realtime.session.RealtimeSessionService;
import dev.sessionledger.sessions.realtime.summary.SummaryService;

/** Hands out the signed, expiring links that download a session's chat, transcript and summary. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(SessionPath.SESSION_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class DownloadLinkResource {

    @Inject
    RealtimeSessionService sessions;

    @Inject
    SummaryService summaries;

    @Inject
    DownloadLinks links;

    @Inject
    Caller caller;

    @GET
    @Path("/chat")
    @Operation(summary = "Fetch all chat messages of a session", description = "A signed, expiring CSV download URL.")
    public Envelope<DownloadViews.ChatDownload> chat(@BeanParam SessionPath path) {
        RealtimeScope scope = path.scope(caller);
        UUID id = existing(path, scope);
        DownloadLinks.Link link = links.sign(scope, id, DownloadKind.CHAT, DownloadKind.CHAT.defaultFormat());
        return Envelope.of(new DownloadViews.ChatDownload(link.url(), link.expiresAt()));
    }

    @GET
    @Path("/transcript")
    @Operation(summary = "Fetch the complete transcript for a session", description = "A signed, expiring download URL.")
    public Envelope<DownloadViews.TranscriptDownload> transcript(@BeanParam SessionPath path,
            @QueryParam("format") @Parameter(description = "The format of the transcript file.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "SRT", "VTT", "JSON", "CSV" },
                            defaultValue = "CSV")) List<String> format) {
        DownloadFormat chosen = DownloadKind.TRANSCRIPT.format(format);
        RealtimeScope scope = path.scope(caller);
        UUID id = existing(path, scope);
        DownloadLinks.Link link = links.sign(scope, id, DownloadKind.TRANSCRIPT, chosen);
        return Envelope.of(new DownloadViews.TranscriptDownload(id, link.url(), link.expiresAt()));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Fetch summary of transcripts for a session",
            description = "A signed, expiring download URL of the summary generated last.")
    public Envelope<DownloadViews.SummaryDownload> summary(@BeanParam SessionPath path,
            @QueryParam("format") @Parameter(description = "The format of the summary file.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "text", "markdown" },
                            defaultValue = "text")) List<String> format) {
        DownloadFormat chosen = DownloadKind.SUMMARY.format(format);
        RealtimeScope scope = path.scope(caller);
        UUID id = path.sessionId();
        if (!summaries.exists(scope, id)) {
            throw Failure.of(Failure.Kind.NOT_FOUND,
                    "No summary has been generated for session " + id + "; POST to this path generates one");
        }
        DownloadLinks.Link link = links.sign(scope, id, DownloadKind.SUMMARY, chosen);
        return Envelope.of(new DownloadViews.SummaryDownload(id, link.url(), link.expiresAt()));
    }

    /** The session's id once it is known to be this app's; the session itself is not read. */
    private UUID existing(SessionPath path, RealtimeScope scope) {
        UUID id = path.sessionId();
        if (!sessions.exists(scope, id)) {
            throw path.notFound();
        }
        return id;
    }
}
