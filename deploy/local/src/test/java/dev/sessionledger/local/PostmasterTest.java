package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watching a postmaster that is not this JVM's child, by the pid in its data directory. */
class PostmasterTest {

    @Test
    void takes_a_zombie_for_dead_though_process_handle_calls_it_alive() throws Exception {
        // The shell becomes a sleep that never reaps its child; the child exits after that exec,
        // so that the shell cannot have reaped it first.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.3 & echo $!; exec sleep 30").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            long zombie = Long.parseLong(out.readLine().trim());
            Thread.sleep(1000);
            assertTrue(ProcessHandle.of(zombie).map(ProcessHandle::isAlive).orElse(false), "ProcessHandle calls it alive");
            assertFalse(Postmaster.isRunning(zombie));
            assertTrue(Postmaster.isRunning(parent.pid()));
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void stops_a_server_a_failed_start_left_and_nothing_that_was_there_before(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (LocalDatabase db = LocalDatabase.start(data, port, List.of())) {
            long pid = db.pid();
            assertEquals(OptionalLong.of(pid), Postmaster.pid(data));

            Postmaster.stopStray(data, OptionalLong.of(pid));
            assertTrue(db.isAlive(), "the server named before is left alone");

            Postmaster.stopStray(data, OptionalLong.empty());
            assertFalse(db.isAlive(), "a server started since is stopped");
        }
    }
}
