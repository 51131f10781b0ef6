package dev.sessionledger.threads.participants;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.threads.errors.ProblemEnvelope;

/** The Thread Participants API: list, add, get, remove, and move read state. */
@ApiErrors(ProblemEnvelope.class)
@Path("/api/thread-participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Thread participants")
public class ThreadParticipantResource {

    private static final String ENTITY = "thread participant";

    @Inject
    ThreadParticipantService service;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List thread participants",
            description = "Keyset-paged (limit, after, before) with a JSON filter and a multi-key orderBy.")
    public ParticipantPage list(@BeanParam ParticipantListParams params) {
        return ParticipantPage.of(service.list(caller, params.toRequest()));
    }

    @POST
    @Operation(summary = "Add a thread participant")
    public Response add(@Valid @NotNull(message = "a JSON body is required") AddParticipantRequest body) {
        ThreadParticipant added = service.add(caller, body.toNewParticipant());
        return Response.status(Response.Status.CREATED).entity(ThreadParticipantView.of(added.row())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a thread participant by ID")
    public ThreadParticipantView get(@PathParam("id") @Parameter(description = "Participant to retrieve.") String id) {
        return service.find(caller, Uuids.existing(id, ENTITY))
                .map(ThreadParticipantView::of)
                .orElseThrow(() -> Failure.notFound(ENTITY, id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Move a participant's read state or rename it",
            description = "lastReadAt defaults to now when lastReadMessageId moves.")
    public ThreadParticipantView update(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body is required") UpdateParticipantRequest body) {
        return service.update(caller, Uuids.existing(id, ENTITY), body.change())
                .map(p -> ThreadParticipantView.of(p.row()))
                .orElseThrow(() -> Failure.notFound(ENTITY, id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a thread participant", description = "Administrators remove anyone of their "
            + "tenant; anyone else only their own participant (403 for another one of a thread they take part in).")
    public Map<String, Boolean> remove(@PathParam("id") @Parameter(description = "Participant to remove.") String id) {
        if (!service.remove(caller, Uuids.existing(id, ENTITY))) {
            throw Failure.notFound(ENTITY, id);
        }
        return Map.of("success", true);
    }
}
