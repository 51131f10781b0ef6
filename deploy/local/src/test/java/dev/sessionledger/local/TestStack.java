package dev.sessionledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole local stack, as {@code deploy/local/run.sh} starts it from the services last packaged,
 * on free ports and a data directory of its own under {@code target/}, for a test class. Its
 * service logs stay there after it stops; its database does not.
 */
final class TestStack implements AutoCloseable {

    private final StackConfig config;
    private final LocalStack stack;
    private final Map<String, String> tokens;

    private TestStack(StackConfig config, LocalStack stack, Map<String, String> tokens) {
        this.config = config;
        this.stack = stack;
        this.tokens = tokens;
    }

    static TestStack start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** The stack with more of its settings (the console's, say) set as a user would set them in the environment. */
    static TestStack start(Map<String, String> settings) throws IOException, InterruptedException {
        // The module's tests run in deploy/local; the services' builds are two levels up.
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "stack-");
        List<Integer> ports = freePorts(2 + StackService.values().length);
        Map<String, String> env = new HashMap<>(settings);
        env.put("LOCAL_DATA_DIR", data.toString());
        env.put("GATEWAY_PORT", ports.get(0).toString());
        env.put("POSTGRES_PORT", ports.get(1).toString());
        for (StackService service : StackService.values()) {
            env.put(service.portVariable(), ports.get(2 + service.ordinal()).toString());
        }
        StackConfig config = StackConfig.fromEnvironment(root, env);
        LocalStack stack = new LocalStack(config);
        try {
            stack.start();
            return new TestStack(config, stack, DemoRecording.readTokens(data.resolve("tokens.env")));
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Ports free now, all different; the stack binds them a moment later. */
    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** The Ingress-like router, as clients of the ledger's APIs reach it. */
    String routerUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    /** A service on its own port (mcp-gateway until the Ingress routes /mcp to it; every service's /q/ pages). */
    String serviceUrl(StackService service) {
        return "http://127.0.0.1:" + config.port(service);
    }

    /** {@code ADMIN_TOKEN}, {@code MEMBER_TOKEN} or {@code OTHER_TOKEN}. */
    String token(String name) {
        String token = tokens.get(name);
        if (token == null) {
            throw new IllegalStateException("the stack wrote no " + name);
        }
        return token;
    }

    @Override
    public void close() {
        stack.close();
        Path postgres = config.dataDirectory().resolve("postgres");
        if (Files.exists(postgres)) {
            try (Stream<Path> files = Files.walk(postgres)) {
                files.sorted(Comparator.reverseOrder()).forEach(TestStack::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
