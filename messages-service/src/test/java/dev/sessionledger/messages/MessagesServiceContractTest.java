package dev.sessionledger.messages;

import dev.sessionledger.commons.testing.MetorialServiceContractTest;
import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class MessagesServiceContractTest extends MetorialServiceContractTest {

    @Override
    protected String protectedPath() {
        return "/sessions/" + FakeSessionsService.EVERY_TENANTS_SESSION + "/messages";
    }
}
