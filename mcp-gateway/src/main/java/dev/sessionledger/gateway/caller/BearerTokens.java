package dev.sessionledger.gateway.caller;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.auth.VerifiedTokens;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a request's bearer token with the same key, issuer, audiences and required claims as
 * every service (the {@code mp.jwt.*} settings), through the services' {@link VerifiedTokens}
 * (a token verified lately is not verified again). The gateway's MCP routes are plain Vert.x
 * routes, outside the JAX-RS security the request-scoped {@link Caller} rests on, so they verify
 * here, before anything reaches sessions-service or the upstream.
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class);
    private static final String BEARER = "Bearer ";

    @Inject
    VerifiedTokens tokens;

    /** The caller, when this token was verified lately: no check, nothing that blocks. */
    public Optional<GatewayCaller> known(String authorization) {
        String token = token(authorization);
        return token == null ? Optional.empty() : tokens.known(token).flatMap(jwt -> caller(jwt, token));
    }

    /**
     * The caller of a request with this {@code Authorization} header; empty when there is no valid
     * token. May block (the verification key can be fetched from its location).
     */
    public Optional<GatewayCaller> verify(String authorization) {
        String token = token(authorization);
        if (token == null) {
            return Optional.empty();
        }
        try {
            return caller(tokens.parse(token), token);
        } catch (ParseException e) {
            LOG.debugf("bearer token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<GatewayCaller> caller(JsonWebToken jwt, String token) {
        String tenant = jwt.getClaim(Caller.TENANT_CLAIM);
        return tenant == null || tenant.isBlank() ? Optional.empty()
                : Optional.of(new GatewayCaller(tenant, jwt.getSubject(), BEARER + token));
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }
}
