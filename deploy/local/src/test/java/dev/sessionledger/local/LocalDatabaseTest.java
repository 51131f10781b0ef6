package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class LocalDatabaseTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void flushes_every_commit_to_disk() throws Exception {
        Path data = Files.createTempDirectory("local-db").resolve("postgres");
        try (LocalDatabase db = LocalDatabase.start(data, freePort(), List.of("sessions"));
                Connection c = DriverManager.getConnection(db.jdbcUrl("sessions"))) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
                    rs.next();
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }

    @Test
    void keeps_its_databases_and_their_rows_across_a_restart() throws Exception {
        Path data = Files.createTempDirectory("local-db").resolve("postgres");
        int port = freePort();
        try (LocalDatabase db = LocalDatabase.start(data, port, List.of("sessions", "threads"))) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("sessions"))) {
                c.createStatement().execute("create table kept (v int); insert into kept values (42)");
            }
        }
        try (LocalDatabase db = LocalDatabase.start(data, port, List.of("sessions", "threads"));
                Connection c = DriverManager.getConnection(db.jdbcUrl("sessions"));
                ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
            try (Connection threads = DriverManager.getConnection(db.jdbcUrl("threads"))) {
                assertEquals("threads", threads.getCatalog());
            }
        }
    }
}
