package dev.sessionledger.console;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The console's settings for its pages ({@code /console/settings.json}): public values only, since
 * the console holds no secret and no session; the browser signs in and calls the APIs itself.
 */
@Path("/settings.json")
public class ConsoleSettingsResource {

    /** OpenID Connect sign-in, when the console is configured with an issuer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OidcSettings(String issuer, String clientId, String scope) {
    }

    /** What the pages read at start. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Settings(OidcSettings oidc, String realtimeAppId) {
    }

    @Inject
    ConsoleConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Settings settings() {
        ConsoleConfig.Oidc oidc = config.oidc();
        OidcSettings sign = oidc.issuer().map(issuer -> new OidcSettings(withoutTrailingSlash(issuer),
                oidc.clientId().orElseThrow(), oidc.scope())).orElse(null);
        return new Settings(sign, config.realtimeAppId());
    }

    static String withoutTrailingSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** The issuer's origin, which the pages' Content-Security-Policy must let them reach. */
    static String origin(String issuer) {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
