package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor against real child processes: a stand-in service JVM, and the embedded
 * PostgreSQL, each killed with SIGKILL as the fault-injection suite does, by the pid in its file.
 */
class SupervisorTest {

    private static final CrashLoopBackOff QUICK = new CrashLoopBackOff(Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(60));

    /** One line of the supervisor's log and when it came. */
    record Line(Instant at, String text) {
    }

    private final List<Line> log = new ArrayList<>();
    private Supervisor supervisor;
    private Path runDirectory;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    private Supervisor supervisor(Path data, CrashLoopBackOff backOff) {
        runDirectory = data.resolve("run");
        supervisor = new Supervisor(runDirectory, backOff, text -> {
            synchronized (log) {
                log.add(new Line(Instant.now(), text));
            }
        });
        return supervisor;
    }

    private Line awaitLog(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            synchronized (log) {
                for (Line line : log) {
                    if (line.text().equals(text)) {
                        return line;
                    }
                }
            }
            Thread.sleep(50);
        }
        synchronized (log) {
            throw new AssertionError("No log line \"" + text + "\" within " + timeout + "; the log: " + log);
        }
    }

    private long pidFile(String name) throws IOException {
        return Long.parseLong(Files.readString(runDirectory.resolve(name + ".pid")).trim());
    }

    private static void killDashNine(long pid) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A runnable jar that starts {@link StandInService} from this module's test classes. */
    private static Path standInJar(Path directory) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                StandInService.class.getProtectionDomain().getCodeSource().getLocation().toString());
        Path jar = directory.resolve("stand-in.jar");
        new JarOutputStream(Files.newOutputStream(jar), manifest).close();
        return jar;
    }

    private static ServiceProcess standIn(Path data, int port, String mark) throws Exception {
        return new ServiceProcess("stand-in", standInJar(data), port, Map.of("STAND_IN_MARK", mark),
                data.resolve("logs"), List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    private static String ready(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void starts_a_killed_service_again_with_the_same_command_and_environment_and_rewrites_its_pid_file(@TempDir Path data) throws Exception {
        int port = freePort();
        supervisor(data, QUICK).start(List.of(standIn(data, port, "mark-1")), Duration.ofSeconds(30));
        awaitLog("stand-in is ready", Duration.ofSeconds(1));
        long first = pidFile("stand-in");
        assertEquals("mark-1 " + first, ready(port));

        killDashNine(first);
        awaitLog("stand-in exited with code 137; restarting (restart 1)", Duration.ofSeconds(5));
        awaitLog("stand-in is ready again", Duration.ofSeconds(30));
        long second = pidFile("stand-in");
        assertNotEquals(first, second);
        assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false));
        assertEquals("mark-1 " + second, ready(port), "the same environment, the new process");
        assertEquals(1, supervisor.restarts("stand-in"));
        String output = Files.readString(data.resolve("logs/stand-in.log"));
        assertTrue(output.contains("stand-in started as " + first) && output.contains("stand-in started as " + second),
                "the restart appends to the log: " + output);
    }

    @Test
    void backs_off_longer_on_each_crash_in_a_row(@TempDir Path data) throws Exception {
        int port = freePort();
        CrashLoopBackOff backOff = new CrashLoopBackOff(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60));
        supervisor(data, backOff).start(List.of(standIn(data, port, "m")), Duration.ofSeconds(30));
        List<Duration> waits = new ArrayList<>();
        for (int restart = 1; restart <= 3; restart++) {
            long pid = pidFile("stand-in");
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/exit?code=3"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            Line exited = awaitLog("stand-in exited with code 3; restarting (restart " + restart + ")", Duration.ofSeconds(5));
            Instant deadline = Instant.now().plusSeconds(30);
            while (!Files.exists(runDirectory.resolve("stand-in.pid")) || pidFile("stand-in") == pid) {
                assertTrue(Instant.now().isBefore(deadline), "restart " + restart + " came");
                Thread.sleep(20);
            }
            waits.add(Duration.between(exited.at(), Instant.now()));
            awaitLog("stand-in is ready again", Duration.ofSeconds(30));
            synchronized (log) {
                log.removeIf(l -> l.text().equals("stand-in is ready again"));
            }
        }
        for (int i = 0; i < waits.size(); i++) {
            Duration delay = backOff.delay(i + 1);
            assertTrue(waits.get(i).compareTo(delay) >= 0, "restart " + (i + 1) + " waited " + waits.get(i) + ", at least " + delay);
        }
    }

    @Test
    void stops_everything_and_restarts_nothing_once_stopping(@TempDir Path data) throws Exception {
        int port = freePort();
        // A long back-off: the stop comes while the killed process waits to be started again.
        supervisor(data, new CrashLoopBackOff(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(60)))
                .start(List.of(standIn(data, port, "m")), Duration.ofSeconds(30));
        long pid = pidFile("stand-in");
        killDashNine(pid);
        awaitLog("stand-in exited with code 137; restarting (restart 1)", Duration.ofSeconds(5));
        assertFalse(Files.exists(runDirectory.resolve("stand-in.pid")), "no pid file while nothing runs");

        Instant begin = Instant.now();
        supervisor.close();
        assertTrue(Duration.between(begin, Instant.now()).toSeconds() < 5, "the stop does not sit out the back-off");
        Thread.sleep(500);
        assertFalse(Files.exists(runDirectory.resolve("stand-in.pid")));
        assertEquals(List.of(), ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains("stand-in.jar")).toList(),
                "no stand-in is left");
    }

    @Test
    void stops_a_running_service_and_removes_its_pid_file(@TempDir Path data) throws Exception {
        supervisor(data, QUICK).start(List.of(standIn(data, freePort(), "m")), Duration.ofSeconds(30));
        long pid = pidFile("stand-in");
        supervisor.close();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(runDirectory.resolve("stand-in.pid")));
        synchronized (log) {
            assertTrue(log.stream().noneMatch(l -> l.text().contains("restarting")), log.toString());
        }
    }

    @Test
    void starts_a_killed_postmaster_again_on_the_same_port_with_the_data_it_had(@TempDir Path data) throws Exception {
        int port = freePort();
        supervisor(data, CrashLoopBackOff.LOCAL).start(
                List.of(new LocalDatabase.Server(data.resolve("postgres"), port, List.of("sessions"))), Duration.ofSeconds(60));
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/sessions?user=" + LocalDatabase.USER;
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("create table kept (v int); insert into kept values (42)");
        }
        // A backend busy with a long query outlives its postmaster and keeps the old shared memory.
        Thread busy = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url)) {
                c.createStatement().execute("select count(*) from generate_series(1, 2000000000)");
            } catch (Exception expected) {
                // its server is killed under it
            }
        });
        busy.start();
        Thread.sleep(500);

        long first = pidFile("postgres");
        Instant killed = Instant.now();
        killDashNine(first);
        Line noticed = awaitLog("postgres exited; restarting (restart 1)", Duration.ofSeconds(5));
        Line back = awaitLog("postgres is ready again", Duration.ofSeconds(60));
        System.out.printf("postgres: noticed %d ms after the kill, ready again %d ms after it%n",
                Duration.between(killed, noticed.at()).toMillis(), Duration.between(killed, back.at()).toMillis());
        assertTrue(Duration.between(killed, noticed.at()).toMillis() < 1500, "the death is noticed within about a second");

        long second = pidFile("postgres");
        assertNotEquals(first, second);
        assertEquals(second, supervisor.pid("postgres"));
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1), "the committed row is still there");
        }
        busy.join(10_000);
    }
}
