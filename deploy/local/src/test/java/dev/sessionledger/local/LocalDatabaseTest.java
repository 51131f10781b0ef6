package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL of the local stack, started for real. */
class LocalDatabaseTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void flushes_every_commit_to_disk(@TempDir Path data) throws Exception {
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
    void starts_after_a_start_that_failed_in_this_jvm_and_leaves_no_server_of_that_one(@TempDir Path data) throws Exception {
        int port = freePort();
        // Something else holds the port on 127.0.0.1, where zonky checks that the server answers.
        try (ServerSocket taken = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertThrows(IOException.class, () -> LocalDatabase.start(data, port, List.of("sessions")));
        }
        OptionalLong stray = Postmaster.pid(data);
        assertTrue(stray.isEmpty() || !Postmaster.isRunning(stray.getAsLong()), "no server of the failed start runs");
        try (LocalDatabase db = LocalDatabase.start(data, port, List.of("sessions"));
                Connection c = DriverManager.getConnection(db.jdbcUrl("sessions"))) {
            assertTrue(c.isValid(2));
            assertTrue(db.isAlive());
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
