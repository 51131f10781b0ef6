package dev.sessionledger.messages;

import static org.hamcrest.Matchers.equalTo;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.ServiceContractTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(FakeSessionsService.class)
class MessagesServiceContractTest extends ServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/sessions/ses_0000000000000000000000/messages";
    }

    @Override
    protected void assertUnauthorizedEnvelope(ValidatableResponse response) {
        response.body("__typename", equalTo("error"))
                .body("ok", equalTo(false))
                .body("status", equalTo(401))
                .body("code", equalTo("unauthorized"));
    }
}
