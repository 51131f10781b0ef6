package dev.sessionledger.sessions;

import dev.sessionledger.commons.testing.ArchitectureTest;

/** sessions-service's packages depend one way, its services know nothing of HTTP, its resources declare their queries. */
class SessionsArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.sessionledger.sessions";
    }
}
