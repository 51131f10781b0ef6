package dev.sessionledger.gateway;

import dev.sessionledger.commons.testing.ArchitectureTest;

/** mcp-gateway's packages depend one way and its services know nothing of HTTP. */
class GatewayArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.sessionledger.gateway";
    }
}
