package dev.sessionledger.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

/** The Java MCP SDK's client against the upstream: every tool, the resource and the prompt, and what the upstream kept. */
class McpUpstreamTest {

    @Test
    void an_sdk_client_uses_every_tool_the_resource_and_the_prompt_and_the_upstream_keeps_each_request() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        List<String> sampled = new CopyOnWriteArrayList<>();
        try (McpUpstream upstream = McpUpstream.keepingRequests()) {
            McpSyncClient client = McpClient.sync(transport(upstream, Map.of("Authorization", "Bearer t-1", "X-Api-Key", "k-1")))
                    .clientInfo(new McpSchema.Implementation("mcp-upstream-test", "1.0.0"))
                    .requestTimeout(Duration.ofSeconds(10))
                    .progressConsumer(p -> progress.add(p.message()))
                    .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
                    .sampling(request -> {
                        String question = ((McpSchema.TextContent) request.messages().get(0).content()).text();
                        sampled.add(question);
                        return McpSchema.CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
                                .content(new McpSchema.TextContent("blue")).model("test-model").build();
                    })
                    .build();
            try {
                assertEquals("mcp-upstream", client.initialize().serverInfo().name());
                assertEquals(List.of(Tools.ECHO, Tools.COUNT, Tools.ASK, Tools.STAMPED_ECHO),
                        client.listTools().tools().stream().map(McpSchema.Tool::name).toList());

                McpSchema.CallToolResult echo = client.callTool(new McpSchema.CallToolRequest(Tools.ECHO, Map.of("text", "hello")));
                assertEquals("echo: hello", text(echo));
                assertNull(echo.meta(), "echo answers the same every time");

                McpSchema.CallToolResult count = client.callTool(
                        new McpSchema.CallToolRequest(Tools.COUNT, Map.of("n", 3), Map.of("progressToken", "p-1")));
                assertEquals("counted to 3", text(count));
                assertEquals(List.of("step 1", "step 2", "step 3"), progress);

                McpSchema.CallToolResult ask = client.callTool(new McpSchema.CallToolRequest(Tools.ASK, Map.of("question", "which colour?")));
                assertEquals(List.of("which colour?"), sampled);
                assertEquals("the client said: blue", text(ask));

                long before = Tools.micros(Instant.now());
                McpSchema.CallToolResult stamped = client.callTool(
                        new McpSchema.CallToolRequest(Tools.STAMPED_ECHO, Map.of("text", "call 7")));
                long after = Tools.micros(Instant.now());
                assertEquals("call 7", text(stamped));
                long answeredAt = ((Number) stamped.meta().get(Tools.ANSWERED_AT)).longValue();
                assertTrue(answeredAt >= before && answeredAt <= after, before + " <= " + answeredAt + " <= " + after);

                assertEquals(List.of(Resources.WELCOME_URI),
                        client.listResources().resources().stream().map(McpSchema.Resource::uri).toList());
                McpSchema.ReadResourceResult welcome = client.readResource(new McpSchema.ReadResourceRequest(Resources.WELCOME_URI));
                assertEquals("Welcome to the ledger.", ((McpSchema.TextResourceContents) welcome.contents().get(0)).text());

                assertEquals(List.of(Prompts.GREET), client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).toList());
                McpSchema.GetPromptResult greet = client.getPrompt(new McpSchema.GetPromptRequest(Prompts.GREET, Map.of("name", "Ada")));
                assertEquals("Say hello to Ada", ((McpSchema.TextContent) greet.messages().get(0).content()).text());
            } finally {
                client.closeGracefully();
            }

            List<McpUpstream.Seen> seen = upstream.seen();
            assertTrue(seen.size() >= 12, "initialize, initialized, 11 calls and the close: " + seen);
            assertEquals("POST", seen.get(0).method());
            assertNull(seen.get(0).sessionId(), "initialize comes before any session");
            String session = seen.get(1).sessionId();
            assertNotNull(session, "the client sends back the session id it was given");
            for (McpUpstream.Seen request : seen) {
                assertEquals("Bearer t-1", request.authorization(), request.toString());
                assertEquals("k-1", request.apiKey(), request.toString());
            }
            assertTrue(seen.stream().skip(1).allMatch(s -> session.equals(s.sessionId())), seen.toString());
            assertEquals("DELETE", seen.get(seen.size() - 1).method(), "the client's close reached the upstream");
        }
    }

    @Test
    void one_started_on_a_port_keeps_nothing_and_a_port_taken_is_refused() throws Exception {
        try (McpUpstream upstream = McpUpstream.on(0)) {
            McpSyncClient client = McpClient.sync(transport(upstream, Map.of()))
                    .clientInfo(new McpSchema.Implementation("mcp-upstream-test", "1.0.0"))
                    .requestTimeout(Duration.ofSeconds(10)).build();
            try {
                client.initialize();
                assertEquals("echo: hi", text(client.callTool(new McpSchema.CallToolRequest(Tools.ECHO, Map.of("text", "hi")))));
            } finally {
                client.closeGracefully();
            }
            assertThrows(IllegalStateException.class, upstream::seen);

            int taken = URI.create(upstream.url()).getPort();
            IOException refused = assertThrows(IOException.class, () -> McpUpstream.on(taken).close());
            assertEquals("cannot listen on 127.0.0.1:" + taken, refused.getMessage());
        }
    }

    private static HttpClientStreamableHttpTransport transport(McpUpstream upstream, Map<String, String> headers) {
        return HttpClientStreamableHttpTransport.builder(upstream.baseUrl())
                .endpoint(McpUpstream.ENDPOINT).jsonMapper(McpUpstream.MAPPER)
                .openConnectionOnStartup(false)
                .httpRequestCustomizer((request, method, uri, body, context) -> headers.forEach(request::header))
                .build();
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
