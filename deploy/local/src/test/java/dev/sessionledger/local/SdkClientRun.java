package dev.sessionledger.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import dev.sessionledger.upstream.McpUpstream;
import dev.sessionledger.upstream.Prompts;
import dev.sessionledger.upstream.Resources;
import dev.sessionledger.upstream.Tools;

/**
 * One session of the Java MCP SDK's client (Streamable HTTP) from {@code initialize} to its close
 * (the transport's DELETE): every call a user makes of the upstream's tools, resources and prompts,
 * and what the client got back and saw pass.
 */
final class SdkClientRun {

    static final String CLIENT_NAME = "stack-test-client";
    static final String CLIENT_VERSION = "1.0.0";

    McpSchema.InitializeResult initialized;
    McpSchema.ListToolsResult tools;
    McpSchema.CallToolResult echo;
    McpSchema.CallToolResult count;
    McpSchema.ListResourcesResult resources;
    McpSchema.ReadResourceResult resource;
    McpSchema.ListPromptsResult prompts;
    McpSchema.GetPromptResult prompt;
    final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    /** Every JSON-RPC message of the session, both ways, in the order the client sent and received them. */
    List<WiretapTransport.Passed> passed;
    /** The {@code Mcp-Session-Id} the client was given and sent back. */
    volatile String sessionId;

    private SdkClientRun() {
    }

    /** A whole session against {@code base + endpoint}, with {@code Authorization: Bearer token} when a token is given. */
    static SdkClientRun against(String base, String endpoint, String token) {
        SdkClientRun run = new SdkClientRun();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint).jsonMapper(McpUpstream.MAPPER)
                .openConnectionOnStartup(false)
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    request.copy().build().headers().firstValue("Mcp-Session-Id").ifPresent(id -> run.sessionId = id);
                })
                .build();
        WiretapTransport wiretap = new WiretapTransport(transport);
        McpSyncClient client = McpClient.sync(wiretap)
                .clientInfo(new McpSchema.Implementation(CLIENT_NAME, CLIENT_VERSION))
                .requestTimeout(Duration.ofSeconds(20))
                .progressConsumer(run.progress::add)
                .build();
        try {
            run.initialized = client.initialize();
            run.tools = client.listTools();
            run.echo = client.callTool(new McpSchema.CallToolRequest(Tools.ECHO, Map.of("text", "hello")));
            run.count = client.callTool(new McpSchema.CallToolRequest(Tools.COUNT, Map.of("n", 3), Map.of("progressToken", "p-1")));
            run.resources = client.listResources();
            run.resource = client.readResource(new McpSchema.ReadResourceRequest(Resources.WELCOME_URI));
            run.prompts = client.listPrompts();
            run.prompt = client.getPrompt(new McpSchema.GetPromptRequest(Prompts.GREET, Map.of("name", "Ada")));
        } finally {
            client.closeGracefully();
        }
        run.passed = wiretap.passed();
        return run;
    }
}
