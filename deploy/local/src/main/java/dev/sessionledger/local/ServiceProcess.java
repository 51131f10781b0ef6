package dev.sessionledger.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One service of the stack as a child JVM, its output in a log file; every start runs the same command and environment. */
public final class ServiceProcess implements Supervised {

    /**
     * Three JVMs start at once on a small machine: the quick C1 compiler and the serial collector
     * start them sooner, which is what a local stack wants. A benchmark sets its own.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    /** How long a service has to stop before it is killed. */
    private static final Duration STOP = Duration.ofSeconds(10);
    /** A JVM that records its class-data archive writes it as it exits, which takes longer on a busy machine. */
    private static final Duration ARCHIVING_STOP = Duration.ofSeconds(60);

    private final String name;
    private final Path runnerJar;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final HttpRequest ready;
    private boolean startedBefore;

    public ServiceProcess(String name, Path runnerJar, int port, Map<String, String> environment, Path logDirectory,
            List<String> jvmOptions) {
        this.name = name;
        this.runnerJar = runnerJar;
        this.log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", runnerJar.toString()));
        this.command = List.copyOf(command);
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        this.environment = Map.copyOf(env);
        this.ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Path> log() {
        return Optional.of(log);
    }

    @Override
    public synchronized Running start() throws IOException {
        if (!Files.isRegularFile(runnerJar)) {
            throw new IOException(runnerJar + " does not exist: build the project first");
        }
        Files.createDirectories(log.getParent());
        ClassDataArchive archive = ClassDataArchive.of(runnerJar);
        Duration stopWithin = archive.recording() ? ARCHIVING_STOP : STOP;
        List<String> command = new ArrayList<>(this.command);
        command.addAll(1, archive.jvmOptions());
        // A restart appends, so that the log keeps what the run that died wrote last.
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(startedBefore ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        startedBefore = true;
        return new Run(process, stopWithin);
    }

    /** One run of the service's JVM. */
    private final class Run implements Running {

        private final Process process;
        private final Duration stopWithin;

        Run(Process process, Duration stopWithin) {
            this.process = process;
            this.stopWithin = stopWithin;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        /** Whether {@code /q/health/ready} answers 200. */
        @Override
        public boolean isReady() {
            try {
                return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The exit code; 128 + the signal's number for a process killed by a signal, 137 for SIGKILL. */
        @Override
        public String exit() {
            return "exited with code " + process.exitValue();
        }

        /** Asks the service to stop, and kills it if it has not in time. */
        @Override
        public void stop() {
            process.destroy();
            try {
                if (!process.waitFor(stopWithin.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
