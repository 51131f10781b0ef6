package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path data;

    @Test
    void each_secret_is_32_random_bytes_in_base64_kept_across_restarts() throws Exception {
        List<String> names = List.of("REALTIME_DOWNLOADS_SECRET", "THREADS_CURSOR_SECRET", "PROVIDER_HEADERS_KEY");
        Path file = data.resolve("secrets.properties");
        Map<String, String> first = LocalSecrets.loadOrCreate(file, names);

        assertEquals(names, List.copyOf(first.keySet()));
        first.values().forEach(value -> assertEquals(32, Base64.getUrlDecoder().decode(value).length, value));
        assertEquals(3, first.values().stream().distinct().count());
        assertEquals(first, LocalSecrets.loadOrCreate(file, names));
    }
}
