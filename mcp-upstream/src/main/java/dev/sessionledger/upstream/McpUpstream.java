package dev.sessionledger.upstream;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * A real MCP server on Streamable HTTP: the Java MCP SDK's servlet transport in an embedded Tomcat
 * on 127.0.0.1, at {@value #ENDPOINT}, serving the tools of {@link Tools}, the resource
 * {@value Resources#WELCOME_URI} and the prompt {@value Prompts#GREET}. Connections are kept alive
 * for any number of requests (Tomcat closes one after 100 by default), as a server behind a proxy is
 * run. {@link #keepingRequests()} also keeps the method and credentials of every request it receives.
 *
 * <p>As a program: {@code java -jar mcp-upstream-runnable.jar PORT}; it prints {@code listening on <url>} once it serves.
 */
public final class McpUpstream implements AutoCloseable {

    public static final String ENDPOINT = "/mcp";
    /** The mapper the server writes with; a client of it can read with the same. */
    public static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());

    /** One request as the upstream received it: its HTTP method and the headers a proxy might pass or not. */
    public record Seen(String method, String authorization, String apiKey, String sessionId) {
    }

    private final Tomcat tomcat = new Tomcat();
    private final McpSyncServer server;
    private final SeenRequests seen;
    private final Path base;

    private McpUpstream(int port, SeenRequests seen) throws IOException, LifecycleException {
        this.seen = seen;
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(MAPPER).mcpEndpoint(ENDPOINT).build();
        server = McpServer.sync(transport)
                .serverInfo("mcp-upstream", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).resources(false, false).prompts(false).build())
                .tools(Tools.echo(), Tools.count(), Tools.ask(), Tools.stampedEcho())
                .resources(Resources.welcome())
                .prompts(Prompts.greet())
                .build();
        base = Files.createTempDirectory("mcp-upstream");
        File baseDir = base.toFile();
        tomcat.setBaseDir(baseDir.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxKeepAliveRequests", "-1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.getAbsolutePath());
        Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
        context.addServletMappingDecoded(ENDPOINT, "mcp");
        if (seen != null) {
            seen.installIn(context);
        }
        tomcat.start();
        if (connector.getLocalPort() < 0) {
            // Tomcat logs a connector that cannot bind and starts without it.
            close();
            throw new IOException("cannot listen on 127.0.0.1:" + port);
        }
    }

    /** On a free port, keeping every request it receives for {@link #seen()}. */
    public static McpUpstream keepingRequests() throws IOException, LifecycleException {
        return new McpUpstream(0, new SeenRequests());
    }

    /** On {@code port} (0: a free one), keeping nothing of its requests, so that any number of them costs it no more. */
    public static McpUpstream on(int port) throws IOException, LifecycleException {
        return new McpUpstream(port, null);
    }

    public String url() {
        return baseUrl() + ENDPOINT;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    /** Every request received so far, in the order they came in. */
    public List<Seen> seen() {
        if (seen == null) {
            throw new IllegalStateException("this upstream keeps no requests; start it with keepingRequests()");
        }
        return seen.all();
    }

    @Override
    public void close() throws LifecycleException {
        server.closeGracefully();
        tomcat.stop();
        tomcat.destroy();
        // Tomcat's scratch directory; nothing in it is needed again. (The first Tomcat of a JVM makes its
        // directory the JVM's catalina.home, which a later one creates again, empty.)
        try (Stream<Path> files = Files.walk(base)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // left for the system's clean-up of its temporary directory
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar mcp-upstream-runnable.jar PORT");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        McpUpstream upstream = on(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                upstream.close();
            } catch (LifecycleException e) {
                System.err.println("stopping: " + e);
            }
        }));
        System.out.println("listening on " + upstream.url());
        upstream.tomcat.getServer().await();
    }
}
