package dev.sessionledger.gateway.caller;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 *
 * <p>Every request of an MCP session carries the same token, and checking its signature is the
 * largest fixed cost of a request here; a token once verified is therefore taken again without a
 * second check for up to {@link #REVERIFY_AFTER_SECONDS}, never past its own expiry. A bounded
 * number of tokens is kept (a token is a few hundred bytes).
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class);
    private static final String BEARER = "Bearer ";
    static final long REVERIFY_AFTER_SECONDS = 60;
    static final int MAX_KEPT = 10_000;

    private record Verified(GatewayCaller caller, long untilEpochSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    JWTParser parser;

    @Inject
    Clock clock;

    /** The caller, when this token was verified lately: no check, nothing that blocks. */
    public Optional<GatewayCaller> known(String authorization) {
        String token = token(authorization);
        Verified kept = token == null ? null : verified.get(token);
        return kept != null && clock.instant().getEpochSecond() < kept.untilEpochSecond()
                ? Optional.of(kept.caller()) : Optional.empty();
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
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
        long now = clock.instant().getEpochSecond();
        Verified kept = verified.get(token);
        if (kept != null) {
            if (now < kept.untilEpochSecond()) {
                return Optional.of(kept.caller());
            }
            verified.remove(token, kept);
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            String tenant = jwt.getClaim(Caller.TENANT_CLAIM);
            if (tenant == null || tenant.isBlank()) {
                return Optional.empty();
            }
            GatewayCaller caller = new GatewayCaller(tenant, jwt.getSubject(), BEARER + token);
            keep(token, new Verified(caller, Math.min(jwt.getExpirationTime(), now + REVERIFY_AFTER_SECONDS)));
            return Optional.of(caller);
        } catch (ParseException e) {
            LOG.debugf("bearer token refused: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private void keep(String token, Verified entry) {
        if (verified.size() >= MAX_KEPT) {
            long now = clock.instant().getEpochSecond();
            verified.values().removeIf(v -> now >= v.untilEpochSecond());
            if (verified.size() >= MAX_KEPT) {
                verified.clear();
            }
        }
        verified.put(token, entry);
    }
}
