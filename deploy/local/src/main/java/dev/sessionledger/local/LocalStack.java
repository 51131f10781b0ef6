package dev.sessionledger.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sessionledger.commons.auth.SigningKeys;
import dev.sessionledger.commons.auth.TokenMinter;

/**
 * The whole system on one machine: an embedded PostgreSQL with a database per service, the three
 * services, mcp-gateway, the console, and a gateway routing by the Ingress rules; a process that dies is started again.
 * Stops everything on Ctrl-C or SIGTERM.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

    private final StackConfig config;
    // Made with the stack, so that a Ctrl-C at any point of the start stops what has started.
    private final Supervisor supervisor;
    private volatile Gateway gateway;
    private Map<String, String> tokens = Map.of();

    public LocalStack(StackConfig config) {
        this.config = config;
        this.supervisor = new Supervisor(config.dataDirectory().resolve("run"), config.restartBackOff(), LocalStack::log);
    }

    public static void main(String[] args) throws Exception {
        StackConfig config = StackConfig.fromEnvironment(Path.of("").toAbsolutePath(), System.getenv());
        LocalStack stack = new LocalStack(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack...");
            stack.close();
            System.out.println("Stopped.");
        }, "local-stack-shutdown"));
        Instant begin = Instant.now();
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printWelcome(Duration.between(begin, Instant.now()));
        Thread.currentThread().join();
    }

    public void start() throws IOException, InterruptedException {
        IngressRoutes routes = IngressRoutes.load(config.ingressManifest());
        Path data = config.dataDirectory();
        Files.createDirectories(data);

        log("Starting PostgreSQL on port " + config.postgresPort() + " with its data in " + data.resolve("postgres"));
        supervisor.start(List.of(new LocalDatabase.Server(data.resolve("postgres"), config.postgresPort(),
                StackService.databases())), READY_TIMEOUT);

        KeyPair keys = SigningKeys.generate();
        Path publicKey = data.resolve("jwt/public.pem");
        Files.createDirectories(publicKey.getParent());
        Files.writeString(publicKey, SigningKeys.toPem(keys.getPublic()), StandardCharsets.US_ASCII);
        tokens = writeTokens(new TokenMinter(keys.getPrivate()), data.resolve("tokens.env"));
        Map<String, String> secrets = LocalSecrets.loadOrCreate(data.resolve("secrets.properties"),
                List.of("REALTIME_DOWNLOADS_SECRET", "THREADS_CURSOR_SECRET", "PROVIDER_HEADERS_KEY"));

        Map<String, Integer> ports = new HashMap<>();
        List<ServiceProcess> services = new ArrayList<>();
        for (StackService service : StackService.values()) {
            int port = config.port(service);
            ports.put(service.serviceName(), port);
            Map<String, String> env = new HashMap<>(secrets);
            service.database().ifPresent(database -> {
                env.put("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/" + database);
                env.put("QUARKUS_DATASOURCE_USERNAME", LocalDatabase.USER);
                env.put("QUARKUS_DATASOURCE_PASSWORD", "local-only");
            });
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
            env.put("MP_JWT_VERIFY_ISSUER", TokenMinter.ISSUER);
            env.put("MP_JWT_VERIFY_AUDIENCES", TokenMinter.AUDIENCE);
            for (StackService peer : StackService.values()) {
                env.put(peer.urlVariable(), "http://127.0.0.1:" + config.port(peer));
            }
            env.put("PUBLIC_BASE_URL", "http://localhost:" + config.gatewayPort());
            // On a developer's machine a webhook's files may be served from it too (sdk-checks does).
            env.put("REALTIME_WEBHOOKS_ALLOW_PRIVATE_DOWNLOAD_HOSTS", "true");
            if (service == StackService.CONSOLE) {
                env.putAll(config.consoleSettings());
            }
            log("Starting " + service.serviceName() + " on port " + port);
            services.add(new ServiceProcess(service.serviceName(), config.runnerJar(service), port, env,
                    data.resolve("logs"), config.jvmOptions()));
        }
        supervisor.start(services, READY_TIMEOUT);
        gateway = Gateway.start(routes, ports, "0.0.0.0", config.gatewayPort());
    }

    static Map<String, String> writeTokens(TokenMinter minter, Path file) throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("ADMIN_TOKEN", minter.mint("demo-admin", "demo", true, TOKEN_LIFETIME));
        tokens.put("MEMBER_TOKEN", minter.mint("demo-member", "demo", false, TOKEN_LIFETIME));
        tokens.put("OTHER_TOKEN", minter.mint("other-admin", "other", true, TOKEN_LIFETIME));
        StringBuilder text = new StringBuilder(
                "# Local-only bearer tokens, signed by a key made at this start; a restart replaces them.\n"
                        + "# ADMIN_TOKEN: admin of tenant demo; MEMBER_TOKEN: member demo-member of tenant demo;"
                        + " OTHER_TOKEN: admin of tenant other.\n");
        tokens.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        LocalSecrets.writePrivate(file, out -> out.write(text.toString().getBytes(StandardCharsets.US_ASCII)));
        return tokens;
    }

    /**
     * A link that opens the console signed in with the token: the token rides in the fragment, which
     * a browser never sends, and the console moves it into the tab's session storage at once.
     */
    static String consoleSignInLink(String base, String token) {
        return base + "/console/#token=" + token;
    }

    /** A line per service with its port; the first says what every service serves under /q/. */
    private String serviceLines() {
        StringBuilder lines = new StringBuilder();
        for (StackService service : StackService.values()) {
            lines.append(String.format("  %-16s  http://localhost:%d%s%n", service.serviceName(), config.port(service),
                    lines.isEmpty() ? "  (health, metrics, OpenAPI under /q/)" : ""));
        }
        return lines.toString();
    }

    private void printWelcome(Duration took) {
        String base = "http://localhost:" + config.gatewayPort();
        System.out.printf("""

                Session Ledger is up in %.1f s.
                  gateway           %s
                %s  PostgreSQL        localhost:%d  (databases %s)
                  tokens            %s
                  service logs      %s
                  pid files         %s  (postgres.pid, <service>.pid; rewritten on each restart)

                Open the console, signed in as the demo admin (the token stays in the link's fragment, never sent to a server):
                  %s

                Try it:
                  source %s
                  curl -s -H "Authorization: Bearer $ADMIN_TOKEN" %s/sessions

                Or, as is:
                  curl -s -H 'Authorization: Bearer %s' %s/sessions

                A process that dies is started again. Ctrl-C stops everything; the data stays for the next start.
                %n""", took.toMillis() / 1000.0, base, serviceLines(),
                config.postgresPort(), String.join(", ", StackService.databases()), config.dataDirectory().resolve("tokens.env"), config.dataDirectory().resolve("logs"),
                config.dataDirectory().resolve("run"), consoleSignInLink(base, tokens.get("ADMIN_TOKEN")), config.dataDirectory().resolve("tokens.env"), base, tokens.get("ADMIN_TOKEN"), base);
    }

    private static void log(String message) {
        System.out.println("[local-stack] " + message);
    }

    /** Stops the gateway, then the services, then the database; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        supervisor.close();
    }
}
