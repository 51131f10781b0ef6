package dev.sessionledger.reliability;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one run of the suite does and where: ports, data and results directories, seed and the bounds of each scenario. */
public record SuiteConfig(Path root, Path dataDirectory, Path resultsDirectory, int gatewayPort, int postgresPort,
        long seed, int fuzzRequests, int fuzzConcurrency, int killTrials, int restartTrials, int writers,
        Set<String> scenarios) {

    /** Every scenario, in the order a run takes them: those that leave the stack as it was come first. */
    public static final List<String> ALL_SCENARIOS = List.of("fuzz", "tenants", "retries", "outage", "restart",
            "service-kill", "postgres-kill");

    public static SuiteConfig fromEnvironment(Path root, Map<String, String> env) {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        return new SuiteConfig(root,
                root.resolve(".local/reliability-run"),
                root.resolve("reliability/results").resolve(stamp),
                number(env, "RELIABILITY_PORT_BASE", 38080),
                number(env, "RELIABILITY_PG_PORT", 38432),
                seed(env.get("SEED")),
                number(env, "FUZZ_REQUESTS", 10_000),
                number(env, "FUZZ_CONCURRENCY", 4),
                number(env, "KILL_TRIALS", 20),
                number(env, "RESTART_TRIALS", 2),
                number(env, "WRITERS", 4),
                scenarios(env.get("SCENARIOS")));
    }

    public int sessionsPort() {
        return gatewayPort + 1;
    }

    public int messagesPort() {
        return gatewayPort + 2;
    }

    public int threadsPort() {
        return gatewayPort + 3;
    }

    /** mcp-gateway, which the stack starts too: on the suite's ports, apart from a stack already running. */
    public int mcpGatewayPort() {
        return gatewayPort + 4;
    }

    /** The console, which the stack starts too, beside mcp-gateway. */
    public int consolePort() {
        return gatewayPort + 5;
    }

    /** The port a service of the stack listens on. */
    public int port(String service) {
        return switch (service) {
            case Stack.SESSIONS -> sessionsPort();
            case Stack.MESSAGES -> messagesPort();
            case Stack.THREADS -> threadsPort();
            default -> throw new IllegalArgumentException("Not a service: " + service);
        };
    }

    /**
     * A seed of its own for one scenario (or one part of it, named by a longer string), so that a
     * scenario run alone replays as it did in a full run.
     */
    public long seedFor(String part) {
        long h = seed ^ (part.hashCode() * 0x9E3779B97F4A7C15L);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 33);
    }

    public boolean partial() {
        return !scenarios.containsAll(ALL_SCENARIOS);
    }

    private static long seed(String value) {
        if (value == null || value.isBlank()) {
            return new SecureRandom().nextLong() >>> 1;
        }
        return Long.parseLong(value.trim());
    }

    private static Set<String> scenarios(String value) {
        if (value == null || value.isBlank()) {
            return new LinkedHashSet<>(ALL_SCENARIOS);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String n = name.trim();
            if (!ALL_SCENARIOS.contains(n)) {
                throw new IllegalArgumentException("SCENARIOS names " + n + "; known: " + String.join(", ", ALL_SCENARIOS));
            }
            chosen.add(n);
        }
        return chosen;
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number, not " + value);
    }
}
