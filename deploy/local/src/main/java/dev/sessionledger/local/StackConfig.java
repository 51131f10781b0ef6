package dev.sessionledger.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Where the local stack keeps its data and which ports it uses; every value can be set from the environment. */
public record StackConfig(Path root, Path dataDirectory, int gatewayPort, int postgresPort,
        Map<StackService, Integer> servicePorts, List<String> jvmOptions, CrashLoopBackOff restartBackOff,
        Map<String, String> consoleSettings) {

    /** The console's settings (README, "Configuration") the stack passes on to it when they are set. */
    static final List<String> CONSOLE_SETTINGS = List.of("CONSOLE_OIDC_ISSUER", "CONSOLE_OIDC_CLIENT_ID",
            "CONSOLE_OIDC_SCOPE", "CONSOLE_REALTIME_APP_ID");

    public static StackConfig fromEnvironment(Path root, Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("LOCAL_DATA_DIR", root.resolve(".local").toString())).toAbsolutePath();
        return new StackConfig(root, data,
                port(env, "GATEWAY_PORT", 8080),
                port(env, "POSTGRES_PORT", 15432),
                servicePorts(env),
                jvmOptions(env.get("SERVICE_JVM_OPTIONS")),
                restartBackOff(env.get("RESTART_BACKOFF_MAX_SECONDS")),
                consoleSettings(env));
    }

    private static Map<String, String> consoleSettings(Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        for (String name : CONSOLE_SETTINGS) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                settings.put(name, value.trim());
            }
        }
        return Collections.unmodifiableMap(settings);
    }

    private static Map<StackService, Integer> servicePorts(Map<String, String> env) {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, port(env, service.portVariable(), service.defaultPort()));
        }
        return Collections.unmodifiableMap(ports);
    }

    public int port(StackService service) {
        return servicePorts.get(service);
    }

    /** The local back-off, its cap lowered where a fault suite kills the same process many times in a row. */
    private static CrashLoopBackOff restartBackOff(String maxSeconds) {
        CrashLoopBackOff local = CrashLoopBackOff.LOCAL;
        if (maxSeconds == null || maxSeconds.isBlank()) {
            return local;
        }
        try {
            int seconds = Integer.parseInt(maxSeconds.trim());
            if (seconds >= 1 && seconds <= 300) {
                Duration cap = Duration.ofSeconds(seconds);
                return new CrashLoopBackOff(local.first().compareTo(cap) < 0 ? local.first() : cap, cap, local.resetAfter());
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("RESTART_BACKOFF_MAX_SECONDS must be a whole number from 1 to 300, not " + maxSeconds);
    }

    private static List<String> jvmOptions(String value) {
        if (value == null || value.isBlank()) {
            return ServiceProcess.DEFAULT_JVM_OPTIONS;
        }
        return List.of(value.trim().split("\\s+"));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number, not " + value);
    }

    public Path ingressManifest() {
        return root.resolve("deploy/kubernetes/base/ingress.yaml");
    }

    public Path runnerJar(StackService service) {
        return root.resolve(service.serviceName()).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
