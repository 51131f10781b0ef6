package dev.sessionledger.commons.auth;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Signs RS256 bearer tokens carrying the claims every service reads ({@code sub}, {@code tenant},
 * {@code groups}) and the audience every service requires ({@code aud}).
 */
public final class TokenMinter {

    public static final String ISSUER = "https://sessionledger.local";
    /** The audience the services require by default ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "sessionledger";

    private final PrivateKey signingKey;

    public TokenMinter(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    public String mint(String subject, String tenant, boolean admin, Duration lifetime) {
        return mint(subject, tenant, admin, lifetime, AUDIENCE);
    }

    /** A token for {@code audience}; null leaves the {@code aud} claim out. */
    public String mint(String subject, String tenant, boolean admin, Duration lifetime, String audience) {
        var builder = Jwt.issuer(ISSUER);
        if (audience != null) {
            builder.audience(audience);
        }
        return builder
                .subject(subject)
                .claim(Caller.TENANT_CLAIM, tenant)
                .groups(admin ? Set.of(Caller.ADMIN_GROUP, "member") : Set.of("member"))
                .expiresIn(lifetime)
                .jws()
                .sign(signingKey);
    }
}
