package dev.sessionledger.sessions.realtime.recording;

import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.sessions.errors.RealtimeKitEnvelope;
import dev.sessionledger.sessions.realtime.RealtimeEnvelopes.Envelope;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import dev.sessionledger.sessions.realtime.SessionPath;

/** Appends to a session's chat and transcript. */
@ApiErrors(RealtimeKitEnvelope.class)
@Path(SessionPath.SESSION_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "RealtimeKit sessions")
public class RecordingResource {

    @Inject
    RecordingService recordings;

    @Inject
    Caller caller;

    /** What a batch write did: how many items it carried and how many were new. */
    public record BatchResult(UUID sessionId, int received, int stored) {
    }

    @POST
    @Path("/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append chat messages", description = "Up to 1000 in one transaction; known ids are skipped.")
    public Response appendChat(@BeanParam SessionPath path, RecordingRequests.ChatBatch body) {
        return append(path, (scope, id) -> recordings.appendChat(scope, id, body));
    }

    @POST
    @Path("/transcript")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append transcript segments", description = "Up to 1000 in one transaction; known ids are skipped.")
    public Response appendTranscript(@BeanParam SessionPath path, RecordingRequests.TranscriptBatch body) {
        return append(path, (scope, id) -> recordings.appendTranscript(scope, id, body));
    }

    /** A 201 with what the batch did; an unknown session is a 404. */
    private Response append(SessionPath path, BiFunction<RealtimeScope, UUID, Optional<RecordingService.Appended>> batch) {
        RealtimeScope scope = path.scope(caller);
        UUID id = path.sessionId();
        RecordingService.Appended appended = batch.apply(scope, id).orElseThrow(path::notFound);
        return Response.status(Response.Status.CREATED)
                .entity(Envelope.of(new BatchResult(id, appended.received(), appended.stored()))).build();
    }
}
