package dev.sessionledger.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
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
 * The MCP server a provider of the stack names: the Java MCP SDK's Streamable HTTP servlet
 * transport in an embedded Tomcat, with the tools {@code echo} and {@code count} (a progress
 * notification per step before its result), a resource and a prompt. It keeps the method and
 * credentials of every request that reached it.
 */
final class UpstreamMcpServer implements AutoCloseable {

    static final String ENDPOINT = "/mcp";
    static final JacksonMcpJsonMapper MAPPER = new JacksonMcpJsonMapper(new ObjectMapper());
    static final String RESOURCE_URI = "ledger://notes/welcome";

    /** One request as the upstream saw it. */
    record Seen(String method, String authorization, String apiKey) {
    }

    private final Tomcat tomcat = new Tomcat();
    private final McpSyncServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    UpstreamMcpServer() throws IOException, LifecycleException {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(MAPPER).mcpEndpoint(ENDPOINT).build();
        server = McpServer.sync(transport)
                .serverInfo("stack-upstream", "1.0.0")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).resources(false, false).prompts(false).build())
                .tools(echo(), count())
                .resources(welcome())
                .prompts(greet())
                .build();
        File base = Files.createTempDirectory("upstream-tomcat").toFile();
        tomcat.setBaseDir(base.getAbsolutePath());
        tomcat.setPort(0);
        Context context = tomcat.addContext("", base.getAbsolutePath());
        Tomcat.addServlet(context, "mcp", transport).setAsyncSupported(true);
        context.addServletMappingDecoded(ENDPOINT, "mcp");
        context.addFilterDef(seenFilter());
        FilterMap map = new FilterMap();
        map.setFilterName("seen");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.getConnector();
        tomcat.start();
    }

    private FilterDef seenFilter() {
        FilterDef filter = new FilterDef();
        filter.setFilterName("seen");
        filter.setFilter(new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                HttpServletRequest http = (HttpServletRequest) request;
                seen.add(new Seen(http.getMethod(), http.getHeader("Authorization"), http.getHeader("X-Api-Key")));
                chain.doFilter(request, response);
            }
        });
        filter.setAsyncSupported("true");
        return filter;
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
                        pause();
                    }
                    return McpSchema.CallToolResult.builder().addTextContent("counted to " + n).build();
                })
                .build();
    }

    /** Spaces the progress notifications out, so that they cross the gateway as separate SSE events. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static McpServerFeatures.SyncResourceSpecification welcome() {
        McpSchema.Resource resource = McpSchema.Resource.builder(RESOURCE_URI, "welcome")
                .description("A short note").mimeType("text/plain").build();
        return new McpServerFeatures.SyncResourceSpecification(resource, (exchange, request) ->
                new McpSchema.ReadResourceResult(List.of(
                        new McpSchema.TextResourceContents(request.uri(), "text/plain", "Welcome to the ledger."))));
    }

    private static McpServerFeatures.SyncPromptSpecification greet() {
        McpSchema.Prompt prompt = new McpSchema.Prompt("greet", "Greets someone by name",
                List.of(new McpSchema.PromptArgument("name", "Who to greet", true)));
        return new McpServerFeatures.SyncPromptSpecification(prompt, (exchange, request) ->
                new McpSchema.GetPromptResult("A greeting", List.of(new McpSchema.PromptMessage(McpSchema.Role.USER,
                        new McpSchema.TextContent("Say hello to " + request.arguments().get("name"))))));
    }

    @Override
    public void close() throws LifecycleException {
        server.closeGracefully();
        tomcat.stop();
        tomcat.destroy();
    }
}
