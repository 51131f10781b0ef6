package dev.sessionledger.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One embedded PostgreSQL server whose data lives in a directory that outlives restarts, with a database per service. */
public final class LocalDatabase implements AutoCloseable {

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

    private final EmbeddedPostgres postgres;

    private LocalDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static LocalDatabase start(Path dataDirectory, int port, List<String> databases) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port);
        DURABLE.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        LocalDatabase database = new LocalDatabase(postgres);
        try {
            database.ensureDatabases(databases);
        } catch (SQLException e) {
            database.close();
            throw new IOException("Could not create the service databases", e);
        }
        return database;
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

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
