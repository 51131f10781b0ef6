package dev.sessionledger.sessions.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.errors.Failure;

/** The key the vault accepts, and what sealing binds a value to. */
class HeaderVaultTest {

    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) (i * 7 + 0xF3);
        }
    }

    @Test
    void reads_the_key_as_openssl_writes_it_and_as_the_local_stack_writes_it() {
        assertArrayEquals(KEY, HeaderVault.keyBytes(Optional.of(Base64.getEncoder().encodeToString(KEY))));
        assertArrayEquals(KEY, HeaderVault.keyBytes(Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(KEY))));
        assertArrayEquals(KEY, HeaderVault.keyBytes(Optional.of(" " + Base64.getEncoder().encodeToString(KEY) + "\n")));
    }

    @Test
    void refuses_to_start_without_a_key_of_32_bytes_and_never_repeats_it() {
        String missing = assertThrows(IllegalStateException.class, () -> HeaderVault.keyBytes(Optional.empty())).getMessage();
        assertTrue(missing.contains("PROVIDER_HEADERS_KEY") && missing.contains("not set"), missing);
        assertThrows(IllegalStateException.class, () -> HeaderVault.keyBytes(Optional.of("  ")));
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        String tooShort = assertThrows(IllegalStateException.class, () -> HeaderVault.keyBytes(Optional.of(shortKey)))
                .getMessage();
        assertTrue(tooShort.contains("16 bytes"), tooShort);
        assertFalse(tooShort.contains(shortKey), tooShort);
        String notBase64 = assertThrows(IllegalStateException.class,
                () -> HeaderVault.keyBytes(Optional.of("not base64 at all!"))).getMessage();
        assertTrue(notBase64.contains("not base64"), notBase64);
    }

    @Test
    void a_sealed_value_opens_only_for_its_tenant_and_provider_and_under_its_key() {
        HeaderVault vault = new HeaderVault(Optional.of(Base64.getEncoder().encodeToString(KEY)));
        UUID id = UUID.randomUUID();
        Map<String, String> headers = Map.of("Authorization", "Bearer x");
        byte[] sealed = vault.seal("t1", id, headers);

        assertEquals(headers, vault.open("t1", id, sealed));
        assertEquals(Failure.Kind.INTERNAL, assertThrows(Failure.class, () -> vault.open("t2", id, sealed)).kind());
        assertThrows(Failure.class, () -> vault.open("t1", UUID.randomUUID(), sealed));
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThrows(Failure.class, () -> vault.open("t1", id, flipped));
        assertThrows(Failure.class, () -> vault.open("t1", id, new byte[5]));
        HeaderVault other = new HeaderVault(Optional.of(Base64.getEncoder().encodeToString(new byte[32])));
        assertThrows(Failure.class, () -> other.open("t1", id, sealed));

        assertNull(vault.seal("t1", id, Map.of()));
        assertEquals(Map.of(), vault.open("t1", id, null));
    }
}
