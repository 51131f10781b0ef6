package dev.sessionledger.sessions.provider;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.ApiErrors;
import dev.sessionledger.commons.metorial.MetorialEnvelope;
import dev.sessionledger.sessions.provider.ProviderViews.UpstreamView;

/**
 * For mcp-gateway only (never routed by the ingress): where a provider of the caller's tenant
 * lives and the headers to send it, opened. The one answer that ever holds upstream headers.
 */
@ApiErrors(MetorialEnvelope.class)
@Path("/internal/providers/{provider_id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class InternalProviderResource {

    @Inject
    ProviderService providers;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Get a provider's upstream with its headers")
    public UpstreamView upstream(@PathParam("provider_id") String providerId) {
        return ProviderMapper.toView(providers.upstream(caller.tenant(), ProviderResource.id(providerId)));
    }
}
