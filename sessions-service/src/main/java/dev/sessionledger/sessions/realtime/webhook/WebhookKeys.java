package dev.sessionledger.sessions.realtime.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import dev.sessionledger.sessions.realtime.RealtimeConfig;

/**
 * The keys that sign deliveries, and the check of a delivery's {@code rtk-signature}: base64
 * RSA-SHA256 (PKCS#1 v1.5) over the body's bytes as they arrived. The configured key is read once,
 * at start-up, which fails on a key it cannot read rather than refusing every delivery later.
 */
@ApplicationScoped
@Startup
public class WebhookKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    /** A key smaller than this is refused: RealtimeKit's keys are 2048 bits. */
    private static final int MIN_BITS = 2048;
    /** A PEM longer than this is no public key. */
    static final int MAX_PEM_LENGTH = 16_384;

    private final Optional<PublicKey> configured;

    @Inject
    public WebhookKeys(RealtimeConfig config) {
        configured = config.webhooks().publicKey().filter(value -> !value.isBlank()).map(WebhookKeys::read);
    }

    /** The key that signs the receiver's deliveries: its own, else the configured one. */
    public Optional<PublicKey> keyFor(WebhookEndpoint endpoint) {
        return endpoint.publicKey != null ? Optional.of(parse(endpoint.publicKey)) : configured;
    }

    /** Whether a receiver without a key of its own can check deliveries. */
    public boolean hasConfiguredKey() {
        return configured.isPresent();
    }

    /** Whether {@code signature} (base64) signs {@code body} with {@code key}; a malformed one does not. */
    public static boolean verifies(PublicKey key, byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            Signature check = Signature.getInstance("SHA256withRSA");
            check.initVerify(key);
            check.update(body);
            return check.verify(Base64.getMimeDecoder().decode(signature.trim()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * A key from the configuration: PEM text, or else the path of a file holding it.
     *
     * @throws IllegalStateException naming what is wrong, so the service does not start
     */
    static PublicKey read(String pemOrPath) {
        String pem = pemOrPath;
        if (!pemOrPath.contains(BEGIN)) {
            try {
                pem = Files.readString(Path.of(pemOrPath.trim()), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("realtime.webhooks.public-key (REALTIMEKIT_WEBHOOK_PUBLIC_KEY) is neither "
                        + "PEM text nor a readable file: " + e.getMessage(), e);
            }
        }
        try {
            return parse(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("realtime.webhooks.public-key (REALTIMEKIT_WEBHOOK_PUBLIC_KEY): "
                    + e.getMessage(), e);
        }
    }

    /**
     * An RSA public key from its PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo).
     *
     * @throws IllegalArgumentException saying why it is not one
     */
    static PublicKey parse(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (pem.length() > MAX_PEM_LENGTH || begin < 0 || end < begin) {
            throw new IllegalArgumentException("is not a PEM public key (" + BEGIN + " ... " + END + ")");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            if (((RSAPublicKey) key).getModulus().bitLength() < MIN_BITS) {
                throw new IllegalArgumentException("is an RSA key of fewer than " + MIN_BITS + " bits");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("is ") ? e
                    : new IllegalArgumentException("is not a PEM RSA public key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a PEM RSA public key", e);
        }
    }
}
