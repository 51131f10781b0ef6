package dev.sessionledger.bench.upstream;

import java.time.Instant;
import java.util.Map;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * {@code echo}: answers its {@code text}, and says in the result's {@code _meta} when it answered
 * ({@value #ANSWERED_AT}, microseconds since the epoch), so that the time from the answer passing the
 * gateway to its being stored can be read off every recorded answer. Nothing else: its own cost must
 * not hide the gateway's.
 */
final class EchoTool {

    static final String NAME = "echo";
    static final String ANSWERED_AT = "answered_at_us";

    private EchoTool() {
    }

    static McpServerFeatures.SyncToolSpecification specification(McpJsonMapper mapper) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(NAME).description("Answers its text")
                .inputSchema(mapper, "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}")
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent(String.valueOf(request.arguments().get("text")))
                        .meta(Map.of(ANSWERED_AT, micros(Instant.now())))
                        .build())
                .build();
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
