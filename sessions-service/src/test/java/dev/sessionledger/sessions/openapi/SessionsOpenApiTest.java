package dev.sessionledger.sessions.openapi;

import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.testing.OpenApiDocumentTest;
import dev.sessionledger.commons.testing.ServiceTest;

/** The sessions-service OpenAPI document (Metorial's sessions and RealtimeKit's meetings) against the code behind it. */
@QuarkusTest
@ServiceTest
class SessionsOpenApiTest extends OpenApiDocumentTest {

    @Override
    protected String basePackage() {
        return "dev.sessionledger.sessions";
    }
}
