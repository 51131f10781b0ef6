package dev.sessionledger.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** The local stack under test: started on its own ports and directory, signalled, watched, stopped, checked gone. */
public final class Stack implements AutoCloseable {

    public static final String POSTGRES = "postgres";
    public static final String SESSIONS = "sessions-service";
    public static final String MESSAGES = "messages-service";
    public static final String THREADS = "threads-service";
    public static final List<String> SERVICES = List.of(SESSIONS, MESSAGES, THREADS);
    /** What a supervising stack restarts and writes {@code run/<name>.pid} for. */
    public static final List<String> SUPERVISED = List.of(POSTGRES, SESSIONS, MESSAGES, THREADS);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final SuiteConfig config;
    private final Path log;
    private final Process process;
    private final Map<String, Http> direct = new LinkedHashMap<>();
    private Map<String, String> tokens = Map.of();
    private double startSeconds;
    private boolean supervised;

    private Stack(SuiteConfig config, Path log, Process process) {
        this.config = config;
        this.log = log;
        this.process = process;
        for (String service : SERVICES) {
            direct.put(service, new Http(config.port(service)));
        }
    }

    /** Starts the stack on a fresh data directory and waits for {@code Session Ledger is up}. */
    public static Stack start(SuiteConfig config, Path log) throws IOException, InterruptedException {
        Path data = config.dataDirectory();
        deleteTree(data);
        Files.createDirectories(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar",
                config.root().resolve("deploy/local/target/local-stack.jar").toString())
                .directory(config.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("LOCAL_DATA_DIR", data.toString());
        env.put("GATEWAY_PORT", Integer.toString(config.gatewayPort()));
        env.put("SESSIONS_PORT", Integer.toString(config.sessionsPort()));
        env.put("MESSAGES_PORT", Integer.toString(config.messagesPort()));
        env.put("THREADS_PORT", Integer.toString(config.threadsPort()));
        env.put("MCP_GATEWAY_PORT", Integer.toString(config.mcpGatewayPort()));
        env.put("CONSOLE_PORT", Integer.toString(config.consolePort()));
        env.put("POSTGRES_PORT", Integer.toString(config.postgresPort()));
        // Twenty kills in a row would otherwise wait out a back-off doubling to 30 s each.
        env.putIfAbsent("RESTART_BACKOFF_MAX_SECONDS", "2");
        long begin = System.nanoTime();
        Stack stack = new Stack(config, log, builder.start());
        try {
            stack.awaitUp(begin);
            stack.tokens = readTokens(data.resolve("tokens.env"));
            // Seen once, while everything runs: a supervising stack removes a pid file while its process is down.
            stack.supervised = SUPERVISED.stream().allMatch(name -> Files.isRegularFile(stack.runFile(name)));
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void awaitUp(long begin) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (logText().contains("Session Ledger is up")) {
                startSeconds = (System.nanoTime() - begin) / 1e9;
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("The local stack exited with code " + process.exitValue() + " before it was up; see "
                        + log.getFileName());
            }
            Thread.sleep(250);
        }
        throw new IOException("The local stack was not up within " + START_TIMEOUT.toSeconds() + " s");
    }

    private static Map<String, String> readTokens(Path file) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                found.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        for (String name : List.of("ADMIN_TOKEN", "MEMBER_TOKEN", "OTHER_TOKEN")) {
            if (!found.containsKey(name)) {
                throw new IOException(file.getFileName() + " has no " + name);
            }
        }
        return found;
    }

    public String token(String name) {
        return tokens.get(name);
    }

    public double startSeconds() {
        return startSeconds;
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** How many times the stack logged that {@code name} exited (a supervising stack logs each exit it restarts). */
    public long exitsLogged(String name) throws IOException {
        String marker = "[local-stack] " + name + " exited";
        return logText().lines().filter(l -> l.contains(marker)).count();
    }

    /** Whether the stack wrote {@code run/<name>.pid} for every process it supervises when it was up. */
    public boolean supervised() {
        return supervised;
    }

    private Path runFile(String name) {
        return config.dataDirectory().resolve("run").resolve(name + ".pid");
    }

    /**
     * The current pid of PostgreSQL's postmaster or of a service: from {@code run/<name>.pid} when the
     * stack writes it, else from {@code postgres/postmaster.pid}, or the stack's child running that
     * service's jar.
     */
    public OptionalLong pid(String name) {
        OptionalLong written = firstLineNumber(runFile(name));
        if (written.isPresent()) {
            return written;
        }
        if (POSTGRES.equals(name)) {
            return firstLineNumber(config.dataDirectory().resolve("postgres/postmaster.pid"));
        }
        String jar = "/" + name + "/target/quarkus-app/quarkus-run.jar";
        return process.descendants()
                .filter(p -> p.info().arguments().map(a -> Stream.of(a).anyMatch(arg -> arg.endsWith(jar))).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst();
    }

    private static OptionalLong firstLineNumber(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return lines.isEmpty() || lines.get(0).isBlank() ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Sends {@code signal} (KILL, INT, STOP, CONT, TERM) with {@code kill}; true when it was delivered. */
    public static boolean signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
        kill.getInputStream().readAllBytes();
        return kill.waitFor() == 0;
    }

    /** The state letter of {@code /proc/<pid>/stat} (R, S, T, Z...), empty when there is no such process. */
    public static Optional<Character> state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() ? Optional.empty() : Optional.of(stat.charAt(close + 2));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Alive means there and not a zombie waiting to be reaped. */
    public static boolean alive(long pid) {
        return state(pid).map(s -> s != 'Z' && s != 'X').orElse(false);
    }

    public static boolean awaitDeath(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** Waits for {@code name} to run again under another pid than {@code old}; empty when it did not in time. */
    public OptionalLong awaitNewPid(String name, long old, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalLong now = pid(name);
            if (now.isPresent() && now.getAsLong() != old && alive(now.getAsLong())) {
                return now;
            }
            Thread.sleep(100);
        }
        return OptionalLong.empty();
    }

    /** Whether the service's own {@code /q/health/ready} answers 200 now. */
    public boolean ready(String service) {
        return direct.get(service).send(Http.Call.of("GET", "/q/health/ready", null).within(Duration.ofSeconds(2)))
                .status() == 200;
    }

    /** Waits until every one of {@code services} is ready; the seconds it took, or empty when time ran out. */
    public Optional<Double> awaitReady(Collection<String> services, Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        Set<String> waiting = new LinkedHashSet<>(services);
        while (true) {
            waiting.removeIf(this::ready);
            if (waiting.isEmpty()) {
                return Optional.of((System.nanoTime() - begin) / 1e9);
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            Thread.sleep(100);
        }
    }

    /** The processes of this stack's PostgreSQL cluster: every one works in the cluster's data directory. */
    private List<ProcessHandle> clusterProcesses() {
        Path cluster = config.dataDirectory().resolve("postgres").toAbsolutePath().normalize();
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    if (Files.readSymbolicLink(p.resolve("cwd")).normalize().equals(cluster)) {
                        ProcessHandle.of(Long.parseLong(p.getFileName().toString())).ifPresent(found::add);
                    }
                } catch (IOException | UnsupportedOperationException | SecurityException e) {
                    // gone, or not ours to read
                }
            });
        } catch (IOException e) {
            // no /proc: nothing to add
        }
        return found;
    }

    /**
     * SIGTERM to the stack, which stops its children, then a check that nothing it started is left:
     * its processes, the cluster's processes, and the ports. Whatever is left is killed and named.
     */
    @Override
    public void close() {
        closeAndReport();
    }

    public synchronized List<String> closeAndReport() {
        List<String> left = new ArrayList<>();
        Set<ProcessHandle> known = new LinkedHashSet<>();
        process.descendants().forEach(known::add);
        known.addAll(clusterProcesses());
        for (String name : SUPERVISED) {
            pid(name).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(known::add));
        }
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                    left.add("the local stack itself (pid " + process.pid() + ") did not exit within "
                            + STOP_TIMEOUT.toSeconds() + " s of SIGTERM");
                    process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
            known.addAll(clusterProcesses());
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (known.stream().anyMatch(p -> alive(p.pid())) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle p : known) {
            if (alive(p.pid())) {
                left.add("pid " + p.pid() + " " + Text.head(p.info().commandLine().orElse("?"), 160));
                p.destroyForcibly();
            }
        }
        List<Integer> ports = List.of(config.gatewayPort(), config.sessionsPort(), config.messagesPort(),
                config.threadsPort(), config.mcpGatewayPort(), config.postgresPort());
        for (int port : ports) {
            if (listening(port)) {
                left.add("port " + port + " still accepts connections");
            }
        }
        return left;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies the services' logs next to the suite's results. */
    public void copyLogs(Path into) throws IOException {
        Path logs = config.dataDirectory().resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, into.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
