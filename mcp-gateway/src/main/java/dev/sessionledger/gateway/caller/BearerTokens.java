package dev.sessionledger.gateway.caller;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.sessionledger.commons.auth.Caller;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a request's bearer token with the same key, issuer, audiences and required claims as
 * every service (the {@code mp.jwt.*} settings). The gateway's MCP routes are plain Vert.x routes,
 * outside the JAX-RS security the request-scoped {@link Caller} rests on, so they verify here, before
 * anything reaches sessions-service or the upstream.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class);
    private static final String BEARER = "Bearer ";

    @Inject
    JWTParser parser;

    /** The caller of a request with this {@code Authorization} header; empty when there is no valid token. */
    public Optional<GatewayCaller> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonWebToken verified = parser.parse(token);
            String tenant = verified.getClaim(Caller.TENANT_CLAIM);
            if (tenant == null || tenant.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new GatewayCaller(tenant, verified.getSubject(), BEARER + token));
        } catch (ParseException e) {
            LOG.debugf("bearer token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
