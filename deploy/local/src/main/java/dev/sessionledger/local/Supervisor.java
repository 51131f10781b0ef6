package dev.sessionledger.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the stack's processes running as Kubernetes keeps a pod's containers: one that dies is
 * started again the same way after a {@link CrashLoopBackOff}, and each one's current pid is in
 * {@code <run directory>/<name>.pid} while it runs.
 */
public final class Supervisor implements AutoCloseable {

    /** How often a process is checked: a death is noticed within this, and readiness polled at it. */
    static final Duration POLL = Duration.ofMillis(250);

    private final Path runDirectory;
    private final CrashLoopBackOff backOff;
    private final Consumer<String> log;
    private final List<List<Watch>> groups = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param log where the lines about starts, deaths and restarts go
     */
    public Supervisor(Path runDirectory, CrashLoopBackOff backOff, Consumer<String> log) {
        this.runDirectory = runDirectory;
        this.backOff = backOff;
        this.log = log;
    }

    /**
     * Starts a group of processes at once and waits until each is ready, then watches them. If
     * one dies or is not ready in time, the whole group is stopped and the start fails. Groups
     * stop in the reverse order of their starts.
     */
    public synchronized void start(List<? extends Supervised> group, Duration readyTimeout)
            throws IOException, InterruptedException {
        if (stopping) {
            throw new IllegalStateException("The supervisor is stopping");
        }
        List<Watch> watches = new ArrayList<>();
        groups.add(watches);
        try {
            for (Supervised process : group) {
                Watch watch = new Watch(process);
                watch.current = process.start();
                watch.startedAt = Instant.now();
                watches.add(watch);
                writePid(watch);
            }
            for (Watch watch : watches) {
                awaitFirstReady(watch, readyTimeout);
                log.accept(watch.process.name() + " is ready");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            groups.remove(watches);
            stop(watches);
            throw e;
        }
        for (Watch watch : watches) {
            watch.thread = new Thread(() -> supervise(watch), "supervise-" + watch.process.name());
            watch.thread.setDaemon(true);
            watch.thread.start();
        }
    }

    private void awaitFirstReady(Watch watch, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String name = watch.process.name();
        String see = watch.process.log().map(l -> "; see " + l).orElse("");
        while (Instant.now().isBefore(deadline)) {
            if (stopping) {
                throw new IOException("The stack is stopping");
            }
            if (!watch.current.isAlive()) {
                throw new IOException(name + " " + watch.current.exit() + see);
            }
            if (watch.current.isReady()) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IOException(name + " was not ready within " + timeout.toSeconds() + " s" + see);
    }

    /** The watcher thread of one process: waits for it to die, then starts it again, until the stack stops. */
    private void supervise(Watch watch) {
        String name = watch.process.name();
        int crashesInRow = 0;
        try {
            while (!stopping) {
                while (!stopping && watch.current.isAlive()) {
                    Thread.sleep(POLL.toMillis());
                }
                if (stopping) {
                    return;
                }
                deletePid(name);
                if (backOff.resets(Duration.between(watch.startedAt, Instant.now()))) {
                    crashesInRow = 0;
                }
                crashesInRow++;
                watch.restarts++;
                log.accept(name + " " + watch.current.exit() + "; restarting (restart " + watch.restarts + ")");
                // Releases what the dead run still holds here, such as zonky's lock on the data directory.
                watch.current.stop();
                Thread.sleep(backOff.delay(crashesInRow).toMillis());
                restart(watch);
            }
        } catch (InterruptedException e) {
            // close() interrupts a back-off or a readiness wait: the stack is stopping.
        }
    }

    private void restart(Watch watch) throws InterruptedException {
        String name = watch.process.name();
        try {
            watch.current = watch.process.start();
        } catch (IOException | RuntimeException e) {
            watch.current = new FailedStart(e);
            return;
        } finally {
            watch.startedAt = Instant.now();
        }
        writePid(watch);
        // Like a pod that is running but not ready, a restarted process may take its time (its
        // database may be coming back too); only its death starts the next restart.
        while (!stopping && watch.current.isAlive()) {
            if (watch.current.isReady()) {
                log.accept(name + " is ready again");
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** How many times a process has been started again since the stack started. */
    public synchronized int restarts(String name) {
        return find(name).restarts;
    }

    /** The pid of a process's current run. */
    public synchronized long pid(String name) {
        return find(name).current.pid();
    }

    private Watch find(String name) {
        return groups.stream().flatMap(List::stream).filter(w -> w.process.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No process " + name));
    }

    private void writePid(Watch watch) {
        Path file = runDirectory.resolve(watch.process.name() + ".pid");
        try {
            // Written whole and moved into place, so that a reader never sees half a pid.
            LocalSecrets.writePrivate(file, out -> out.write((watch.current.pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            log.accept("Could not write " + file + ": " + e.getMessage());
        }
    }

    private void deletePid(String name) {
        try {
            Files.deleteIfExists(runDirectory.resolve(name + ".pid"));
        } catch (IOException e) {
            log.accept("Could not delete the pid file of " + name + ": " + e.getMessage());
        }
    }

    /** Stops watching, then stops every process, the last group started first; safe to call more than once. */
    @Override
    public void close() {
        stopping = true;
        List<List<Watch>> toStop;
        synchronized (this) {
            toStop = new ArrayList<>(groups);
            groups.clear();
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            stop(toStop.get(i));
        }
    }

    private void stop(List<Watch> group) {
        for (Watch watch : group) {
            if (watch.thread != null) {
                watch.thread.interrupt();
            }
        }
        group.parallelStream().forEach(watch -> {
            // A restart under way finishes starting its process first; that process is then stopped too.
            if (watch.thread != null) {
                joinUninterruptibly(watch.thread);
            }
            watch.current.stop();
            deletePid(watch.process.name());
        });
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One supervised process and its current run. */
    private static final class Watch {
        final Supervised process;
        volatile Supervised.Running current;
        volatile Instant startedAt;
        volatile int restarts;
        Thread thread;

        Watch(Supervised process) {
            this.process = process;
        }
    }

    /** A start that threw: dead from the outset, so that the next restart comes after the back-off. */
    private record FailedStart(Exception cause) implements Supervised.Running {

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public boolean isAlive() {
            return false;
        }

        @Override
        public boolean isReady() {
            return false;
        }

        @Override
        public String exit() {
            return "did not start (" + cause.getMessage() + ")";
        }

        @Override
        public void stop() {
        }
    }
}
