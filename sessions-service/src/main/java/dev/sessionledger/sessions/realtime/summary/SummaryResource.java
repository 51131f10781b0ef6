package dev.sessionledger.sessions.realtime.summary;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.SessionPath;

/** Generates a session's summary; its download link comes from {@code GET .../summary}. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(SessionPath.SESSION_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class SummaryResource {

    /** The status of a summary generated on request: done when the answer comes. */
    static final String COMPLETED = "COMPLETED";

    @Inject
    SummaryService summaries;

    @Inject
    Caller caller;

    public record SummaryStatus(UUID sessionId, String status) {
    }

    @POST
    @Path("/summary")
    @Operation(summary = "Generate summary of Transcripts for the session",
            description = "Summarizes the transcript now; 409 when the session has no transcript.")
    public Envelope<SummaryStatus> generateSummary(@BeanParam SessionPath path) {
        RealtimeScope scope = path.scope(caller);
        UUID id = path.sessionId();
        summaries.generate(scope, id).orElseThrow(path::notFound);
        return Envelope.of(new SummaryStatus(id, COMPLETED));
    }
}
