package dev.sessionledger.sessions.realtime.download;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.meeting.SessionRow;
import dev.sessionledger.sessions.realtime.session.RealtimeSessionService;
import dev.sessionledger.sessions.realtime.summary.SummaryRow;
import dev.sessionledger.sessions.realtime.summary.SummaryService;

/**
 * Serves signed download links without a bearer token: the link's signature and expiry are its
 * authorization. Chat and transcript stream from the database as they are written out.
 */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(DownloadLinks.PATH + "{token}")
@Tag(name = "RealtimeKit downloads")
public class DownloadResource {

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
        SessionRow session = sessions.row(scope, grant.sessionId())
                .orElseThrow(() -> Failure.notFound("session", grant.sessionId().toString()));
        StreamingOutput body = switch (grant.kind()) {
            case CHAT -> out -> exports.chatCsv(scope.tenant(), session.id(), out);
            case TRANSCRIPT -> out -> exports.transcript(scope.tenant(), session.id(), grant.format(), out);
            case SUMMARY -> {
                SummaryRow summary = summaries.findOfFound(scope, session)
                        .orElseThrow(() -> Failure.notFound("summary", session.id().toString()));
                byte[] text = SummaryRenderer.render(summary, session, grant.format()).getBytes(StandardCharsets.UTF_8);
                yield out -> out.write(text);
            }
        };
        String file = session.id() + "-" + grant.kind().token() + "." + grant.format().extension();
        return Response.ok(body, grant.format().mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
