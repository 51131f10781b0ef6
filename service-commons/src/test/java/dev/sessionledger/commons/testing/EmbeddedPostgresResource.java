package dev.sessionledger.commons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for a service's tests, from the zonky binaries: no container engine needed.
 * One server per test JVM; tests keep apart by using tenants of their own. A test may stop the
 * server and start it again on the same port and data ({@link #stopDatabase()}, {@link #startDatabase()})
 * to see how the service behaves while its database is gone.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Path dataDirectory;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            try {
                dataDirectory = Files.createTempDirectory("service-test-pg");
                postgres = builder().start();
                port = postgres.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /**
     * Test databases need no durability: zonky's fast settings, stated here so that they are seen.
     * The data directory outlives a stop (zonky would delete a directory it cleans), and goes at the end.
     */
    private static EmbeddedPostgres.Builder builder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off");
        return port == 0 ? builder : builder.setPort(port);
    }

    /** Stops the server as an outage would; its data stays for {@link #startDatabase()}. */
    public static synchronized void stopDatabase() {
        if (postgres == null) {
            throw new IllegalStateException("The test database is not running");
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    /** Starts the server again on the same port with the data it had. */
    public static synchronized void startDatabase() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start again", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
                deleteRecursively(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
