package dev.sessionledger.sessions.mcp;

import dev.sessionledger.commons.testing.OpenApiDocumentTest;
import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document lists every parameter the MCP resources declare, and every error answer. */
@QuarkusTest
@ServiceTest
class McpOpenApiDocumentTest extends OpenApiDocumentTest {

    @Override
    protected String basePackage() {
        return "dev.sessionledger.sessions.mcp";
    }
}
