package dev.sessionledger.threads.thread;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.commons.persistence.IdempotentCreate;
import dev.sessionledger.threads.errors.ProblemEnvelope;

/** Threads: start one, read one. */
@ApiErrors(ProblemEnvelope.class)
@Path("/api/threads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Threads")
public class ThreadResource {

    private static final String ENTITY = "thread";

    @Inject
    ThreadService service;

    @Inject
    Caller caller;

    @POST
    @Operation(summary = "Start a thread", description = "The caller joins it as its first participant. A retry with "
            + "the same Idempotency-Key answers with the thread the first request made.")
    public Response create(@Valid CreateThreadRequest body,
            @HeaderParam(IdempotentCreate.HEADER) @Size(min = 1, max = 200, message = "must be 1 to {max} characters")
            String idempotencyKey) {
        ChatThread thread = body == null
                ? service.create(caller, null, null, idempotencyKey)
                : service.create(caller, body.title(), body.metadata(), idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(ThreadView.of(thread)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a thread")
    public ThreadView get(@PathParam("id") String id) {
        return service.find(caller, Uuids.existing(id, ENTITY))
                .orElseThrow(() -> Failure.notFound(ENTITY, id));
    }
}
