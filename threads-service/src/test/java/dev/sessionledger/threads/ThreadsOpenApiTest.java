package dev.sessionledger.threads;

import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.testing.OpenApiDocumentTest;
import dev.sessionledger.commons.testing.ServiceTest;

/** The threads API's OpenAPI document against the code behind it. */
@QuarkusTest
@ServiceTest
class ThreadsOpenApiTest extends OpenApiDocumentTest {

    @Override
    protected String basePackage() {
        return "dev.sessionledger.threads";
    }
}
