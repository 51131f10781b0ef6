package dev.sessionledger.upstream;

import java.util.List;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

/** The upstream's one resource: a short plain-text note at {@value #WELCOME_URI}. */
public final class Resources {

    public static final String WELCOME_URI = "ledger://notes/welcome";

    private Resources() {
    }

    static McpServerFeatures.SyncResourceSpecification welcome() {
        McpSchema.Resource resource = McpSchema.Resource.builder(WELCOME_URI, "welcome")
                .description("A short note").mimeType("text/plain").build();
        return new McpServerFeatures.SyncResourceSpecification(resource, (exchange, request) ->
                new McpSchema.ReadResourceResult(List.of(
                        new McpSchema.TextResourceContents(request.uri(), "text/plain", "Welcome to the ledger."))));
    }
}
