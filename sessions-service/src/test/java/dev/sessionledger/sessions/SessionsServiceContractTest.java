package dev.sessionledger.sessions;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.MetorialServiceContractTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
class SessionsServiceContractTest extends MetorialServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/sessions";
    }
}
