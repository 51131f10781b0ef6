package dev.sessionledger.upstream;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The upstream's tools. {@value #ECHO} answers {@code "echo: " + text}, the same every time, so that
 * what a client gets through the gateway can be compared with what it gets directly; {@value #COUNT}
 * sends a progress notification per step before its result; {@value #ASK} asks the client to sample
 * a message (a server-to-client request, answered while the tool call waits) and answers with what
 * it said; {@value #STAMPED_ECHO} answers its {@code text} and says in the result's {@code _meta}
 * when it answered ({@value #ANSWERED_AT}, microseconds since the epoch), so that the time from an
 * answer passing the gateway to its being stored can be read off every recorded answer; nothing
 * else, so that its own cost does not hide the gateway's.
 */
public final class Tools {

    public static final String ECHO = "echo";
    public static final String COUNT = "count";
    public static final String ASK = "ask";
    public static final String STAMPED_ECHO = "stamped_echo";
    public static final String ANSWERED_AT = "answered_at_us";

    private Tools() {
    }

    static McpServerFeatures.SyncToolSpecification echo() {
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool(ECHO, "Answers its text", "text", "string"))
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent("echo: " + request.arguments().get("text")).build())
                .build();
    }

    static McpServerFeatures.SyncToolSpecification count() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool(COUNT, "Counts to n, one progress notification a step", "n", "integer"))
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

    static McpServerFeatures.SyncToolSpecification ask() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool(ASK, "Asks the client's model a question", "question", "string"))
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

    static McpServerFeatures.SyncToolSpecification stampedEcho() {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool(STAMPED_ECHO, "Answers its text, saying when it answered", "text", "string"))
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent(String.valueOf(request.arguments().get("text")))
                        .meta(Map.of(ANSWERED_AT, micros(Instant.now())))
                        .build())
                .build();
    }

    /** Microseconds since the epoch, as {@value #ANSWERED_AT} gives them. */
    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** A tool of one required argument. */
    private static McpSchema.Tool tool(String name, String description, String argument, String type) {
        return McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(McpUpstream.MAPPER, "{\"type\":\"object\",\"properties\":{\"" + argument + "\":{\"type\":\"" + type
                        + "\"}},\"required\":[\"" + argument + "\"]}")
                .build();
    }

    /** Spaces the progress notifications out, so that they cross a proxy as separate SSE events. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
