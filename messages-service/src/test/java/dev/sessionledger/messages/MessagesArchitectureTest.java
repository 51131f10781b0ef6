package dev.sessionledger.messages;

import dev.sessionledger.commons.testing.ArchitectureTest;

/** messages-service's packages depend one way, its services know nothing of HTTP, its resources declare their parameters. */
class MessagesArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.sessionledger.messages";
    }
}
