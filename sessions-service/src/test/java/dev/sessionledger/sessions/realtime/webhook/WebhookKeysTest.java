package dev.sessionledger.sessions.realtime.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RealtimeKit's key as configured (PEM text or a file), and the check of a delivery's signature. */
class WebhookKeysTest {

    private static final KeyPair KEYS = Deliverer.newKeys();

    @Test
    void the_configured_key_is_pem_text_or_the_path_of_a_pem_file(@TempDir Path dir) throws Exception {
        String pem = Deliverer.pem(KEYS);
        assertArrayEquals(KEYS.getPublic().getEncoded(), WebhookKeys.read(pem).getEncoded());
        Path file = Files.writeString(dir.resolve("realtimekit.pem"), pem);
        assertArrayEquals(KEYS.getPublic().getEncoded(), WebhookKeys.read(file.toString()).getEncoded());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> WebhookKeys.read(dir.resolve("absent.pem").toString()));
        assertTrue(missing.getMessage().contains("REALTIMEKIT_WEBHOOK_PUBLIC_KEY"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> WebhookKeys.read(pem.replace("M", "!")));
    }

    @Test
    void keys_too_small_or_not_rsa_are_refused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> WebhookKeys.parse(Deliverer.pem(rsa.generateKeyPair())));
        assertTrue(small.getMessage().contains("2048"), small.getMessage());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        assertThrows(IllegalArgumentException.class, () -> WebhookKeys.parse(Deliverer.pem(ec.generateKeyPair())));
    }

    @Test
    void a_signature_checks_only_the_body_it_signed_with_the_key_that_made_it() {
        byte[] body = "{\"event\":\"meeting.started\"}".getBytes(StandardCharsets.UTF_8);
        String signature = Deliverer.sign(KEYS.getPrivate(), body);
        assertTrue(WebhookKeys.verifies(KEYS.getPublic(), body, signature));
        assertFalse(WebhookKeys.verifies(KEYS.getPublic(), "{\"event\":\"meeting.ended\"}".getBytes(StandardCharsets.UTF_8),
                signature));
        assertFalse(WebhookKeys.verifies(Deliverer.newKeys().getPublic(), body, signature));
        assertFalse(WebhookKeys.verifies(KEYS.getPublic(), body, null));
        assertFalse(WebhookKeys.verifies(KEYS.getPublic(), body, "%%%"));
        assertFalse(WebhookKeys.verifies(KEYS.getPublic(), body, signature.substring(4)));
    }
}
