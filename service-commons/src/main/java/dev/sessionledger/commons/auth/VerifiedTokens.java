package dev.sessionledger.commons.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
 * <p>A token is kept under a SHA-256 digest of its whole text, so an altered or re-signed token is
 * another key and is verified afresh; it is kept no longer than its {@code exp} and no longer than
 * {@code sessionledger.auth.verified-tokens.max-age} (so that a verification key withdrawn from its
 * location stops being honoured within that time), and at most
 * {@code sessionledger.auth.verified-tokens.size} tokens are kept. A token the verifier refuses is
 * never kept. Only {@link #parse(String)} is cached; the other methods verify every time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    DefaultJWTParser verifier;

    @Inject
    Clock clock;

    @ConfigProperty(name = "sessionledger.auth.verified-tokens.size", defaultValue = "10000")
    int size;

    @ConfigProperty(name = "sessionledger.auth.verified-tokens.max-age", defaultValue = "60S")
    Duration maxAge;

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
        String key = digest(token);
        Verified kept = verified.get(key);
        if (kept == null) {
            return Optional.empty();
        }
        if (clock.millis() >= kept.untilMillis()) {
            verified.remove(key, kept);
            return Optional.empty();
        }
        return Optional.of(kept.token());
    }

    private void keep(String token, JsonWebToken parsed) {
        long now = clock.millis();
        long until = Math.min(parsed.getExpirationTime() * 1000, now + maxAge.toMillis());
        if (until <= now) {
            return;
        }
        if (verified.size() >= size) {
            verified.values().removeIf(v -> now >= v.untilMillis());
            if (verified.size() >= size) {
                verified.clear();
            }
        }
        verified.put(digest(token), new Verified(parsed, until));
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
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
