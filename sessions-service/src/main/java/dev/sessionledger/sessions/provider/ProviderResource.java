package dev.sessionledger.sessions.provider;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.commons.metorial.MetorialListParams;
import dev.sessionledger.commons.metorial.MetorialPage;
import dev.sessionledger.commons.persistence.IdempotentCreate;
import dev.sessionledger.sessions.provider.ProviderViews.ProviderView;

/**
 * The provider registry of the caller's tenant, in Metorial's shapes: upstream MCP servers the
 * gateway forwards to. Writes are for administrators; {@code upstream_headers} are write-only.
 */
@ApiErrors(MetorialEnvelope.class)
@Path("/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers")
public class ProviderResource {

    @Inject
    ProviderService providers;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List providers", description = "Keyset-paged by id: limit, order, after, before, cursor.")
    public MetorialPage<ProviderView> list(@BeanParam MetorialListParams page) {
        return providers.list(caller.tenant(), page.toRequest(IdPrefix.PROVIDER)).map(ProviderMapper::toView);
    }

    @GET
    @Path("/{provider_id}")
    @Operation(summary = "Get a provider")
    public ProviderView get(@PathParam("provider_id") String providerId) {
        return ProviderMapper.toView(providers.read(caller.tenant(), id(providerId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a provider", description = "Administrators only. A retry with the same "
            + "Idempotency-Key answers with the provider the first request registered.")
    public Response create(@Valid @NotNull(message = "is required") ProviderRequests.CreateProvider body,
            @HeaderParam(IdempotentCreate.HEADER) @Size(max = 200) String idempotencyKey) {
        Provider provider = providers.create(caller, body, idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(ProviderMapper.toView(provider)).build();
    }

    @PATCH
    @Path("/{provider_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a provider", description = "Administrators only. Absent fields stay as they are; "
            + "upstream_headers, when given, replace the old headers ({} removes them).")
    public ProviderView update(@PathParam("provider_id") String providerId,
            @Valid @NotNull(message = "is required") ProviderRequests.UpdateProvider body) {
        return ProviderMapper.toView(providers.update(caller, id(providerId), body));
    }

    @DELETE
    @Path("/{provider_id}")
    @Operation(summary = "Delete a provider", description = "Administrators only. Answers with the provider removed.")
    public ProviderView delete(@PathParam("provider_id") String providerId) {
        return ProviderMapper.toView(providers.delete(caller, id(providerId)));
    }

    /** An id that names nothing when malformed: a 404, as for an id that is well formed but unknown. */
    static UUID id(String providerId) {
        return IdPrefix.PROVIDER.existing(providerId, Provider.ENTITY);
    }
}
