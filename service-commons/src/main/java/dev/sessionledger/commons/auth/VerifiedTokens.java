package dev.sessionledger.commons.auth;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The services' bearer-token parser: smallrye-jwt's own, with the tokens it verified kept, so that
 * the signature (RS256, the largest fixed cost of a request) is checked once per token rather than
 * once per request. Every {@link JWTParser} injection point gets this one (the security layer's
 * validator, mcp-gateway's route).
 *
 * <p>A token is kept in the Caffeine cache {@code verified-tokens} under a SHA-256 digest of its
 * whole text, so an altered or re-signed token is another key and is verified afresh. It is served
 * from there only before its own {@code exp}, and the cache forgets it after its
 * {@code expire-after-write} (so that a verification key withdrawn from its location stops being
 * honoured within that time) and keeps at most {@code maximum-size} tokens. A token the verifier
 * refuses is never kept. Only {@link #parse(String)} is cached; the other methods verify every time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    @Inject
    DefaultJWTParser verifier;

    @Inject
    Clock clock;

    @Inject
    @CacheName("verified-tokens")
    Cache cache;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<JsonWebToken> known = known(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken parsed = verifier.parse(token);
        keep(token, parsed);
        return parsed;
    }

    /** The token, when it was verified lately and has not expired: no verification, nothing that blocks. */
    public Optional<JsonWebToken> known(String token) {
        if (token == null) {
            return Optional.empty();
        }
        CompletableFuture<Object> kept = cache.as(CaffeineCache.class).getIfPresent(digest(token));
        JsonWebToken verified = kept == null ? null : (JsonWebToken) kept.getNow(null);
        return verified != null && clock.millis() < verified.getExpirationTime() * 1000
                ? Optional.of(verified) : Optional.empty();
    }

    private void keep(String token, JsonWebToken parsed) {
        if (clock.millis() < parsed.getExpirationTime() * 1000) {
            cache.as(CaffeineCache.class).put(digest(token), CompletableFuture.completedFuture(parsed));
        }
    }

    private static String digest(String token) {
        return Base64.getEncoder().encodeToString(Sha256.of(token));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
