package dev.sessionledger.sessions.provider;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.IdPrefix;

/**
 * Seals a provider's upstream headers at rest: AES-256-GCM with a random 12-byte nonce per write
 * and a 128-bit tag, the tenant and provider id as associated data so that a sealed value copied
 * to another row does not open. Stored as the nonce followed by ciphertext and tag. The key is
 * {@code sessionledger.providers.headers-key} ({@code PROVIDER_HEADERS_KEY}): 32 bytes in base64
 * (standard or URL-safe, padded or not); without a valid one the service does not start.
 */
@Startup
@ApplicationScoped
public class HeaderVault {

    static final String KEY_PROPERTY = "sessionledger.providers.headers-key";

    private static final Logger LOG = Logger.getLogger(HeaderVault.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public HeaderVault(@ConfigProperty(name = KEY_PROPERTY) Optional<String> configured) {
        this.key = new SecretKeySpec(keyBytes(configured), "AES");
    }

    /** The 32 key bytes, or a startup failure that says what is wrong (never the value). */
    static byte[] keyBytes(Optional<String> configured) {
        String text = configured.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                KEY_PROPERTY + " (PROVIDER_HEADERS_KEY) is not set: it must be 32 random bytes in base64 "
                        + "(openssl rand -base64 32), the same on every replica"));
        byte[] bytes = decode(text);
        if (bytes == null || bytes.length != 32) {
            throw new IllegalStateException(KEY_PROPERTY + " (PROVIDER_HEADERS_KEY) must be 32 bytes in base64; it is "
                    + (bytes == null ? "not base64" : bytes.length + " bytes"));
        }
        return bytes;
    }

    private static byte[] decode(String text) {
        for (Base64.Decoder decoder : new Base64.Decoder[] { Base64.getDecoder(), Base64.getUrlDecoder() }) {
            try {
                return decoder.decode(text);
            } catch (IllegalArgumentException e) {
                // the other alphabet may read it
            }
        }
        return null;
    }

    /** The headers sealed for this provider, or null when there are none. */
    public byte[] seal(String tenant, UUID providerId, Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        byte[] plain = null;
        try {
            plain = JSON.writeValueAsBytes(headers);
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, tenant, providerId);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Sealing upstream headers failed", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * The headers this provider's row holds; none for null. A value that does not open with this
     * key and this row (another key, or copied from another row) is a failure naming the provider
     * only, never the bytes.
     */
    public Map<String, String> open(String tenant, UUID providerId, byte[] sealed) {
        if (sealed == null) {
            return Map.of();
        }
        byte[] plain = null;
        try {
            if (sealed.length <= NONCE_BYTES) {
                throw new AEADBadTagException("too short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), tenant, providerId);
            plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return JSON.readValue(plain, HEADERS);
        } catch (AEADBadTagException e) {
            LOG.errorf("The upstream headers of provider %s do not open with this key for this row",
                    IdPrefix.PROVIDER.format(providerId));
            throw Failure.of(Failure.Kind.INTERNAL, "The upstream headers of provider " + IdPrefix.PROVIDER.format(providerId)
                    + " cannot be decrypted: they were not sealed for this provider with this service's key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Opening upstream headers failed", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String tenant, UUID providerId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((tenant + "\n" + providerId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
