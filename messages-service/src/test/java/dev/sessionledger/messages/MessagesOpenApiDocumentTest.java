package dev.sessionledger.messages;

import dev.sessionledger.commons.testing.OpenApiDocumentTest;
import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** messages-service's OpenAPI document lists every parameter its resources declare, and every error answer. */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class MessagesOpenApiDocumentTest extends OpenApiDocumentTest {

    @Override
    protected String basePackage() {
        return "dev.sessionledger.messages";
    }
}
