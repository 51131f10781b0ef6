package dev.sessionledger.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Secrets the services need locally (link and cursor signing keys, the provider headers key), made
 * once and kept under the data directory so that links, cursors and sealed headers survive a
 * restart. Each is 32 random bytes in URL-safe base64, which every service that reads one decodes
 * (the headers key must be exactly 32 bytes). For local use only.
 */
public final class LocalSecrets {

    private LocalSecrets() {
    }

    public static Map<String, String> loadOrCreate(Path file, List<String> names) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                stored.load(in);
            }
        }
        boolean changed = false;
        SecureRandom random = new SecureRandom();
        for (String name : names) {
            if (stored.getProperty(name) == null) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                stored.setProperty(name, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
                changed = true;
            }
        }
        if (changed) {
            writePrivate(file, out -> stored.store(out, "Local-only signing secrets of the local stack"));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        names.forEach(n -> secrets.put(n, stored.getProperty(n)));
        return secrets;
    }

    /** Something that writes a file's content. */
    interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    static void writePrivate(Path file, Writer writer) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newOutputStream(tmp)) {
            writer.write(out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
