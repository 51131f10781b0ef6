package dev.sessionledger.commons.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

/**
 * HMAC-SHA256 signatures for things a service hands out and must later recognise unaltered
 * (download links, list cursors). The key comes from configuration; without one, a random key
 * for this process, with a warning, since what it signs then dies with the process.
 */
public final class HmacSigner {

    private static final Logger LOG = Logger.getLogger(HmacSigner.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private HmacSigner(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * @param secret        the configured secret, if any
     * @param unsetWarning  what is logged when no secret is configured: which setting, and what follows
     */
    public static HmacSigner fromSecret(Optional<String> secret, String unsetWarning) {
        if (secret.isPresent() && !secret.get().isBlank()) {
            return new HmacSigner(secret.get().getBytes(StandardCharsets.UTF_8));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        LOG.warn(unsetWarning);
        return new HmacSigner(key);
    }

    public byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code payload}, compared in constant time. */
    public boolean matches(byte[] payload, byte[] signature) {
        return MessageDigest.isEqual(sign(payload), signature);
    }
}
