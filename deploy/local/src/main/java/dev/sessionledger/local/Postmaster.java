package dev.sessionledger.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL server process of a data directory, as its {@code postmaster.pid} names it. It is
 * not a child of this JVM ({@code pg_ctl} starts it detached), so it is watched by its pid.
 */
final class Postmaster {

    /** How long the processes of a dead postmaster get to go away before the ones left are killed. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));

    private Postmaster() {
    }

    /** The pid in the data directory's {@code postmaster.pid}; empty if there is none (it was stopped cleanly). */
    static OptionalLong pid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether a process runs under this pid; a zombie, dead but not yet reaped, does not. */
    static boolean isRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        if (!PROC) {
            return true;
        }
        // A killed postmaster stays a zombie until its new parent (init) reaps it, and
        // ProcessHandle calls a zombie alive; its state in /proc says otherwise.
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int name = stat.lastIndexOf(')');
            return name < 0 || name + 2 >= stat.length() || stat.charAt(name + 2) != 'Z';
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException unreadable) {
            return true;
        }
    }

    /**
     * Makes way for a new server on a data directory whose last postmaster died. PostgreSQL will
     * not start while the pid in {@code postmaster.pid} exists (a zombie still does), nor while a
     * process still holds the old shared memory: the dead postmaster's backends, orphaned, exit
     * on their own soon after it; those left after {@link #GRACE} are killed, as Kubernetes kills
     * what is left of a container it restarts. Nothing is done while that postmaster runs.
     */
    static void clearAfterDeath(Path dataDirectory) throws InterruptedException {
        OptionalLong old = pid(dataDirectory);
        if (old.isEmpty() || isRunning(old.getAsLong())) {
            return;
        }
        Instant deadline = Instant.now().plus(GRACE);
        while (Instant.now().isBefore(deadline)
                && (ProcessHandle.of(old.getAsLong()).isPresent() || !orphans(dataDirectory).isEmpty())) {
            Thread.sleep(100);
        }
        orphans(dataDirectory).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Stops a postmaster that a failed start left behind: zonky gives up when the server does
     * not answer in time, but the server may have started all the same (say, on ::1 with
     * 127.0.0.1 taken), and it would keep the data directory from the next start.
     *
     * @param before the pid {@code postmaster.pid} named before that start
     */
    static void stopStray(Path dataDirectory, OptionalLong before) {
        OptionalLong now = pid(dataDirectory);
        if (now.isEmpty() || now.equals(before) || !isRunning(now.getAsLong())) {
            return;
        }
        ProcessHandle.of(now.getAsLong()).ifPresent(stray -> {
            // SIGTERM is PostgreSQL's smart shutdown; nobody is connected to a server no one was told of.
            stray.destroy();
            try {
                stray.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stray.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                stray.destroyForcibly();
            }
        });
    }

    /** The PostgreSQL processes working in the data directory (every backend changes to it); only called when no postmaster runs there. */
    private static List<ProcessHandle> orphans(Path dataDirectory) {
        if (!PROC) {
            return List.of();
        }
        Path directory;
        try {
            directory = dataDirectory.toRealPath();
        } catch (IOException e) {
            return List.of();
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> directory.equals(workingDirectory(p.pid())))
                .toList();
    }

    private static Path workingDirectory(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
