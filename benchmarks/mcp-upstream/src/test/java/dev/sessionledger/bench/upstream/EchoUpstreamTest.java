package dev.sessionledger.bench.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/** The Java MCP SDK's client against the benchmark's upstream: one tool, which echoes and says when it answered. */
class EchoUpstreamTest {

    @Test
    void an_sdk_client_lists_the_echo_tool_and_gets_its_text_back_with_the_time_it_was_answered() throws Exception {
        try (EchoUpstream upstream = new EchoUpstream(0)) {
            String url = upstream.url();
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder(url.substring(0, url.length() - EchoUpstream.ENDPOINT.length()))
                    .endpoint(EchoUpstream.ENDPOINT).jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
                    .openConnectionOnStartup(false).build();
            McpSyncClient client = McpClient.sync(transport)
                    .clientInfo(new McpSchema.Implementation("echo-upstream-test", "1.0.0"))
                    .requestTimeout(Duration.ofSeconds(10)).build();
            try {
                client.initialize();
                assertEquals(List.of(EchoTool.NAME), client.listTools().tools().stream().map(McpSchema.Tool::name).toList());
                long before = EchoTool.micros(Instant.now());
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(EchoTool.NAME, Map.of("text", "call 7")));
                long after = EchoTool.micros(Instant.now());
                assertEquals("call 7", ((McpSchema.TextContent) result.content().get(0)).text());
                long answeredAt = ((Number) result.meta().get(EchoTool.ANSWERED_AT)).longValue();
                assertTrue(answeredAt >= before && answeredAt <= after, before + " <= " + answeredAt + " <= " + after);
            } finally {
                client.closeGracefully();
            }
        }
    }
}
