package dev.sessionledger.local;

import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server whose data lives in a directory that outlives restarts, with a
 * database per service.
 */
public final class LocalDatabase implements AutoCloseable, Supervised.Running {

    public static final String USER = "postgres";

    /**
     * This data is kept, so a commit the services acknowledged must survive a crash of the
     * machine. zonky starts PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off},
     * which suits throwaway test databases only; these come after {@code -F} on the command line,
     * and the last setting of a parameter there wins.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /** The server as the supervisor keeps it: each start is a new server on the same data directory and port. */
    public record Server(Path dataDirectory, int port, List<String> databases) implements Supervised {

        @Override
        public String name() {
            return "postgres";
        }

        @Override
        public LocalDatabase start() throws IOException {
            return LocalDatabase.start(dataDirectory, port, databases);
        }
    }

    private final EmbeddedPostgres postgres;
    private final long pid;

    private LocalDatabase(EmbeddedPostgres postgres, long pid) {
        this.postgres = postgres;
        this.pid = pid;
    }

    /**
     * Starts the server, creating the data directory and the databases that do not exist yet.
     * It registers no shutdown hook: whoever starts it stops it ({@link #close()}), so that the
     * stack stops it after the services, and not while a supervisor still watches it.
     */
    public static LocalDatabase start(Path dataDirectory, int port, List<String> databases) throws IOException {
        try {
            Postmaster.clearAfterDeath(dataDirectory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the processes of the last PostgreSQL to end", e);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port);
        DURABLE.forEach(builder::setServerConfig);
        OptionalLong before = Postmaster.pid(dataDirectory);
        EmbeddedPostgres postgres;
        try {
            postgres = startLocked(builder, dataDirectory);
        } catch (IOException | RuntimeException e) {
            Postmaster.stopStray(dataDirectory, before);
            throw e;
        }
        LocalDatabase database = new LocalDatabase(postgres, Postmaster.pid(dataDirectory).orElse(-1));
        try {
            database.ensureDatabases(databases);
        } catch (SQLException e) {
            database.close();
            throw new IOException("Could not create the service databases", e);
        }
        return database;
    }

    private static EmbeddedPostgres startLocked(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        try {
            return builder.start();
        } catch (OverlappingFileLockException e) {
            // zonky locks epg-lock in the data directory before it starts the server; when that
            // start fails it never hands back the instance holding the lock, and this JVM cannot
            // lock the file again. A new lock file is taken. (Another process's lock is an
            // IllegalStateException, which passes up untouched.)
            Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
            return builder.start();
        }
    }

    private void ensureDatabases(List<String> names) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String name : names) {
                if (!name.matches("[a-z_]+")) {
                    throw new IllegalArgumentException("Not a plain database name: " + name);
                }
                try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = c.createStatement()) {
                    create.execute("create database " + name);
                }
            }
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid. */
    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean isAlive() {
        return Postmaster.isRunning(pid);
    }

    /** Ready once started: zonky returns only when the server answers a query. */
    @Override
    public boolean isReady() {
        return isAlive();
    }

    /** The postmaster is not this JVM's child: how it ended is not known here. */
    @Override
    public String exit() {
        return "exited";
    }

    @Override
    public void stop() {
        try {
            close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    /** Stops the server; on a server that died, releases zonky's lock on the data directory. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
