package dev.sessionledger.commons.testing;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.sessionledger.commons.auth.SigningKeys;
import dev.sessionledger.commons.auth.TokenMinter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A signing key pair made for this test JVM: the service under test trusts its public half, and
 * tests mint bearer tokens with the private half.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    private static final KeyPair KEYS = SigningKeys.generate();
    private static final TokenMinter MINTER = new TokenMinter(KEYS.getPrivate());

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", SigningKeys.toPem(KEYS.getPublic()),
                "mp.jwt.verify.issuer", TokenMinter.ISSUER,
                "mp.jwt.verify.audiences", TokenMinter.AUDIENCE);
    }

    @Override
    public void stop() {
    }

    /** A token for an administrator of {@code tenant}. */
    public static String admin(String tenant) {
        return MINTER.mint("admin-" + tenant, tenant, true, Duration.ofMinutes(10));
    }

    /** A token for a plain member {@code subject} of {@code tenant}. */
    public static String member(String subject, String tenant) {
        return MINTER.mint(subject, tenant, false, Duration.ofMinutes(10));
    }

    /** A tenant no other test uses. */
    public static String newTenant() {
        return "t-" + UUID.randomUUID();
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String signedByStranger(String tenant) {
        return new TokenMinter(SigningKeys.generate().getPrivate()).mint("stranger", tenant, true, Duration.ofMinutes(10));
    }

    /** A token of the trusted key and issuer, minted for another audience ({@code null}: none). */
    public static String forAudience(String audience, String tenant) {
        return MINTER.mint("elsewhere", tenant, true, Duration.ofMinutes(10), audience);
    }

    /** A token for an administrator of {@code tenant} that expires after {@code lifetime}. */
    public static String lasting(Duration lifetime, String tenant) {
        return MINTER.mint("brief-" + tenant, tenant, true, lifetime);
    }

    /** A token minted by the trusted key that has already expired. */
    public static String expired(String tenant) {
        return MINTER.mint("late", tenant, true, Duration.ofSeconds(-120));
    }
}
