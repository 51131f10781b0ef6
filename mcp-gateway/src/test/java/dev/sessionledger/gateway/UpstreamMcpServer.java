package dev.sessionledger.gateway;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * A real MCP server (the Java MCP SDK's Streamable HTTP servlet transport, in an embedded Tomcat)
 * with three tools: {@code echo}; {@code count}, which sends a progress notification per step
 * before its result; and {@code ask}, which asks the client to sample a message (a server-to-client
 * request, answered by the client while the tool call waits) and answers with what it said. It keeps the headers of every request it received, so a test can say what
 * reached it and what did not.
 */
final class UpstreamMcpServer implements AutoCloseable {

    static final String ENDPOINT = "/mcp";
    static final JacksonMcpJsonMapper MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());

    /** One request as the upstream saw it. */
    record Seen(String method, String authorization, String apiKey, String sessionId) {
    }

    private final Tomcat tomcat = new Tomcat();
    private final McpSyncServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    UpstreamMcpServer() throws IOException, LifecycleException {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(MAPPER).mcpEndpoint(ENDPOINT).build();
        server = McpServer.sync(transport)
                .serverInfo("upstream-test-server", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(echo(), count(), ask())
                .build();
        File base = Files.createTempDirectory("upstream-tomcat").toFile();
        tomcat.setBaseDir(base.getAbsolutePath());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", base.getAbsolutePath());
        Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
        context.addServletMappingDecoded(ENDPOINT, "mcp");
        FilterDef filter = new FilterDef();
        filter.setFilterName("seen");
        filter.setFilter(new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                HttpServletRequest http = (HttpServletRequest) request;
                seen.add(new Seen(http.getMethod(), http.getHeader("Authorization"), http.getHeader("X-Api-Key"),
                        http.getHeader("Mcp-Session-Id")));
                chain.doFilter(request, response);
            }
        });
        filter.setAsyncSupported("true");
        context.addFilterDef(filter);
        FilterMap map = new FilterMap();
        map.setFilterName("seen");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.getConnector();
        tomcat.start();
    }

    String url() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + ENDPOINT;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private static McpServerFeatures.SyncToolSpecification echo() {
        McpSchema.Tool tool = McpSchema.Tool.builder().name("echo").description("Answers its text")
                .inputSchema(MAPPER, "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}")
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent("echo: " + request.arguments().get("text")).build())
                .build();
    }

    private static McpServerFeatures.SyncToolSpecification count() {
        McpSchema.Tool tool = McpSchema.Tool.builder().name("count").description("Counts to n, one progress notification a step")
                .inputSchema(MAPPER, "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}")
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> {
                    int n = ((Number) request.arguments().get("n")).intValue();
                    Object token = request.meta() == null ? null : request.meta().get("progressToken");
                    for (int i = 1; i <= n && token != null; i++) {
                        exchange.progressNotification(new McpSchema.ProgressNotification(token, (double) i, (double) n, "step " + i));
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return McpSchema.CallToolResult.builder().addTextContent("counted to " + n).build();
                })
                .build();
    }

    private static McpServerFeatures.SyncToolSpecification ask() {
        McpSchema.Tool tool = McpSchema.Tool.builder().name("ask").description("Asks the client's model a question")
                .inputSchema(MAPPER, "{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"}},\"required\":[\"question\"]}")
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> {
                    McpSchema.CreateMessageResult answer = exchange.createMessage(McpSchema.CreateMessageRequest.builder()
                            .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER,
                                    new McpSchema.TextContent((String) request.arguments().get("question")))))
                            .maxTokens(50).build());
                    String said = answer.content() instanceof McpSchema.TextContent text ? text.text() : "?";
                    return McpSchema.CallToolResult.builder().addTextContent("the client said: " + said).build();
                })
                .build();
    }

    @Override
    public void close() throws LifecycleException {
        server.closeGracefully();
        tomcat.stop();
        tomcat.destroy();
    }

    static Map<String, Object> args(Object... pairs) {
        java.util.LinkedHashMap<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
