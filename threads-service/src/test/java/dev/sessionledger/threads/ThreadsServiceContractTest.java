package dev.sessionledger.threads;

import static org.hamcrest.Matchers.equalTo;

import dev.sessionledger.commons.testing.ServiceContractTest;
import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@ServiceTest
class ThreadsServiceContractTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/api/thread-participants";
    }

    @Override
    protected void assertErrorEnvelope(ValidatableResponse response, int status) {
        response.contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", equalTo(jakarta.ws.rs.core.Response.Status.fromStatusCode(status).getReasonPhrase()));
    }
}
