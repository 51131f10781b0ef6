package dev.sessionledger.bench.upstream;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * A real MCP server on Streamable HTTP: the Java MCP SDK's servlet transport in an embedded Tomcat
 * on 127.0.0.1, serving {@link EchoTool} at {@value #ENDPOINT}. Connections are kept alive for any
 * number of requests (Tomcat closes one after 100 by default), as a server behind a proxy is run.
 *
 * <p>Usage: {@code java -jar mcp-upstream.jar PORT}; it prints {@code listening on <url>} once it serves.
 */
public final class EchoUpstream implements AutoCloseable {

    public static final String ENDPOINT = "/mcp";

    private final Tomcat tomcat = new Tomcat();
    private final McpSyncServer server;

    public EchoUpstream(int port) throws IOException, LifecycleException {
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper).mcpEndpoint(ENDPOINT).build();
        server = McpServer.sync(transport)
                .serverInfo("bench-echo-upstream", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(EchoTool.specification(mapper))
                .build();
        File base = Files.createTempDirectory("bench-mcp-upstream").toFile();
        base.deleteOnExit();
        tomcat.setBaseDir(base.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxKeepAliveRequests", "-1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.getAbsolutePath());
        Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
        context.addServletMappingDecoded(ENDPOINT, "mcp");
        tomcat.start();
        if (connector.getLocalPort() < 0) {
            // Tomcat logs a connector that cannot bind and starts without it.
            tomcat.destroy();
            throw new IOException("cannot listen on 127.0.0.1:" + port);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + ENDPOINT;
    }

    @Override
    public void close() throws LifecycleException {
        server.closeGracefully();
        tomcat.stop();
        tomcat.destroy();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar mcp-upstream.jar PORT");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        EchoUpstream upstream = new EchoUpstream(Integer.parseInt(args[0]));
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
