package dev.sessionledger.commons.auth;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Signs RS256 bearer tokens carrying the claims every service reads ({@code sub}, {@code tenant}, {@code groups}). */
public final class TokenMinter {

    public static final String ISSUER = "https://sessionledger.local";

    private final PrivateKey signingKey;

    public TokenMinter(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    public String mint(String subject, String tenant, boolean admin, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .claim(Caller.TENANT_CLAIM, tenant)
                .groups(admin ? Set.of(Caller.ADMIN_GROUP, "member") : Set.of("member"))
                .expiresIn(lifetime)
                .jws()
                .sign(signingKey);
    }
}
