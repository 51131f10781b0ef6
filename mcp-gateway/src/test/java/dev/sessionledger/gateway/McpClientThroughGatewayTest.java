package dev.sessionledger.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.upstream.McpUpstream;
import dev.sessionledger.upstream.Tools;

/**
 * The Java MCP SDK's client, pointed at the gateway, against the SDK's own server behind it: it
 * sees what it sees against the server directly, and every message of both directions reaches
 * messages-service in order with its sender.
 */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(FakeLedger.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpClientThroughGatewayTest {

    private McpUpstream upstream;

    @BeforeAll
    void startUpstream() throws Exception {
        upstream = McpUpstream.keepingRequests();
    }

    @AfterAll
    void stopUpstream() throws Exception {
        upstream.close();
    }

    @Test
    void an_sdk_client_works_through_the_gateway_as_it_does_directly_and_everything_is_recorded() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String provider = FakeLedger.provider(tenant, upstream.url(), Map.of("X-Api-Key", "upstream-secret"));

        Session direct = session(upstream.baseUrl(), McpUpstream.ENDPOINT, null);
        Session gateway = session("http://localhost:" + RestAssured.port, "/mcp/" + provider, token);

        assertEquals(direct.tools, gateway.tools);
        assertEquals(direct.echo, gateway.echo);
        assertEquals(direct.count, gateway.count);
        assertEquals(List.of("step 1", "step 2", "step 3"), gateway.progress);
        assertEquals(direct.progress, gateway.progress);
        // a server-to-client request (sampling) reached the client through the gateway, and its answer went back
        assertEquals(List.of("which colour?"), gateway.sampled);
        assertEquals(direct.ask, gateway.ask);
        assertEquals("the client said: blue, for which colour?",
                ((McpSchema.TextContent) gateway.ask.content().get(0)).text());

        String session = gateway.sessionId;
        assertTrue(session.startsWith("ses_"), session);
        JsonNode opened = FakeLedger.connection(session);
        assertEquals(provider, opened.path("provider_id").asText());
        assertEquals("gateway-test-client", opened.path("initialize").path("params").path("clientInfo").path("name").asText());

        // the ledger's token never went upstream; the provider's own header did, on every request
        List<McpUpstream.Seen> seen = upstream.seen().stream().filter(s -> "upstream-secret".equals(s.apiKey())).toList();
        assertTrue(seen.size() >= 4, "requests through the gateway reached the upstream: " + seen);
        seen.forEach(s -> assertNull(s.authorization(), "the ledger's token reached the upstream"));
        // the SDK's GET stream went through too, within the session
        assertTrue(seen.stream().anyMatch(s -> "GET".equals(s.method()) && s.sessionId() != null), seen.toString());
        assertTrue(seen.stream().anyMatch(s -> "DELETE".equals(s.method())), seen.toString());

        Eventually.within(Duration.ofSeconds(10), () -> FakeLedger.events(session).contains("ended"));
        List<String> events = FakeLedger.events(session);
        assertEquals("opened " + provider + " idle 1800", events.get(0));
        // the upstream's own session id was kept in sessions-service before the client went on
        String upstreamSession = FakeLedger.upstreamSession(session);
        assertNotNull(upstreamSession);
        assertEquals("upstream " + upstreamSession, events.get(1));
        assertTrue(seen.stream().skip(1).allMatch(s -> upstreamSession.equals(s.sessionId())), seen.toString());
        assertEquals("ended", events.get(events.size() - 1));

        // initialize, its result, initialized, tools/list and its result, echo and its result,
        // count, 3 progress notifications and its result, ask, the server's sampling request, the
        // client's answer to it, and ask's result
        Eventually.within(Duration.ofSeconds(10), () -> FakeLedger.messages(session).size() >= 16);
        List<JsonNode> messages = FakeLedger.messages(session);
        List<String> shape = messages.stream().map(McpClientThroughGatewayTest::shape).toList();
        assertEquals(List.of(
                "client initialize", "server result", "client notifications/initialized",
                "client tools/list", "server result",
                "client tools/call", "server result",
                "client tools/call", "server notifications/progress", "server notifications/progress",
                "server notifications/progress", "server result",
                "client tools/call", "server sampling/createMessage", "client result", "server result"), shape);
        for (JsonNode message : messages) {
            String sender = message.path("sender").path("type").asText();
            assertEquals(message.path("participant_id").asText(), message.path("sender").path("id").asText());
            assertTrue(message.path("participant_id").asText().startsWith("client".equals(sender) ? "spt_client" : "spt_server"));
            assertTrue(message.path("server_session_id").asText().startsWith("spr_"));
            assertTrue(message.path("provider_run_id").asText().startsWith("srr_"));
            assertTrue(message.path("idempotency_key").asText().startsWith(session + ":" + sender.charAt(0) + ":"));
        }
        assertTrue(messages.stream().noneMatch(m -> m.toString().contains("upstream-secret")));
    }

    /** What one SDK client session saw. */
    private static final class Session {
        McpSchema.ListToolsResult tools;
        McpSchema.CallToolResult echo;
        McpSchema.CallToolResult count;
        McpSchema.CallToolResult ask;
        final List<String> sampled = new CopyOnWriteArrayList<>();
        final List<String> progress = new CopyOnWriteArrayList<>();
        String sessionId;
    }

    private static Session session(String base, String endpoint, String token) {
        Session seen = new Session();
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint).jsonMapper(McpUpstream.MAPPER)
                .openConnectionOnStartup(true);
        if (token != null) {
            transport.httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token));
        }
        List<String> before = FakeLedger.sessions();
        McpSyncClient client = McpClient.sync(transport.build())
                .clientInfo(new McpSchema.Implementation("gateway-test-client", "1.0.0"))
                .requestTimeout(Duration.ofSeconds(20))
                .progressConsumer(p -> seen.progress.add(p.message()))
                .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
                .sampling(request -> {
                    String question = ((McpSchema.TextContent) request.messages().get(0).content()).text();
                    seen.sampled.add(question);
                    return McpSchema.CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
                            .content(new McpSchema.TextContent("blue, for " + question)).model("test-model").build();
                })
                .build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            assertNotNull(init.serverInfo());
            seen.tools = client.listTools();
            seen.echo = client.callTool(new McpSchema.CallToolRequest(Tools.ECHO, Map.of("text", "hello")));
            seen.count = client.callTool(new McpSchema.CallToolRequest(Tools.COUNT, Map.of("n", 3), Map.of("progressToken", "p-1")));
            seen.ask = client.callTool(new McpSchema.CallToolRequest(Tools.ASK, Map.of("question", "which colour?")));
        } finally {
            client.closeGracefully();
        }
        if (token != null) {
            List<String> made = FakeLedger.sessions().stream().filter(s -> !before.contains(s)).toList();
            assertEquals(1, made.size(), "sessions the gateway made: " + made);
            seen.sessionId = made.get(0);
        }
        return seen;
    }

    private static String shape(JsonNode message) {
        JsonNode payload = message.path("payload");
        String sender = message.path("sender").path("type").asText();
        if (payload.has("method")) {
            return sender + " " + payload.path("method").asText();
        }
        return sender + (payload.has("error") ? " error" : " result");
    }
}
