package dev.sessionledger.upstream;

import java.util.List;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/** The upstream's one prompt: {@value #GREET}, which asks to greet its {@code name}. */
public final class Prompts {

    public static final String GREET = "greet";

    private Prompts() {
    }

    static McpServerFeatures.SyncPromptSpecification greet() {
        McpSchema.Prompt prompt = new McpSchema.Prompt(GREET, "Greets someone by name",
                List.of(new McpSchema.PromptArgument("name", "Who to greet", true)));
        return new McpServerFeatures.SyncPromptSpecification(prompt, (exchange, request) ->
                new McpSchema.GetPromptResult("A greeting", List.of(new McpSchema.PromptMessage(McpSchema.Role.USER,
                        new McpSchema.TextContent("Say hello to " + request.arguments().get("name"))))));
    }
}
