package dev.sessionledger.sessions.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;

/**
 * Serves signed download links without a bearer token: the link's signature and expiry are its
 * authorization. Chat and transcript stream from the database as they are written out.
 */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(DownloadLinks.PATH + "{token}")
@Tag(name = "RealtimeKit downloads")
public class DownloadResource {

    private static final Map<String, String> TYPES = Map.of(
            "csv", "text/csv; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "srt", "application/x-subrip; charset=utf-8",
            "vtt", "text/vtt; charset=utf-8",
            "text", "text/plain; charset=utf-8",
            "markdown", "text/markdown; charset=utf-8");
    private static final Map<String, String> EXTENSIONS = Map.of("text", "txt", "markdown", "md");

    @Inject
    DownloadLinks links;

    @Inject
    RealtimeSessionService sessions;

    @Inject
    SummaryService summaries;

    @Inject
    ExportWriter exports;

    @GET
    @Operation(summary = "Download a session's chat, transcript or summary",
            description = "The URL comes from the chat, transcript and summary endpoints; 403 when altered, 410 when expired.")
    public Response download(@PathParam("token") String token) {
        DownloadLinks.Grant grant = links.verify(token);
        RealtimeScope scope = grant.scope();
        RealtimeSession session = sessions.find(scope, grant.sessionId())
                .orElseThrow(() -> Failure.notFound("session", grant.sessionId().toString())).session();
        StreamingOutput body = switch (grant.kind()) {
            case "chat" -> out -> exports.chatCsv(scope.tenant(), session.id, out);
            case "transcript" -> out -> exports.transcript(scope.tenant(), session.id, grant.format(), out);
            default -> {
                TranscriptSummary summary = summaries.find(scope, session.id)
                        .orElseThrow(() -> Failure.notFound("summary", session.id.toString()));
                byte[] text = SummaryRenderer.render(summary, session, grant.format()).getBytes(StandardCharsets.UTF_8);
                yield out -> out.write(text);
            }
        };
        String file = session.id + "-" + grant.kind() + "." + EXTENSIONS.getOrDefault(grant.format(), grant.format());
        return Response.ok(body, TYPES.get(grant.format()))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
