package dev.sessionledger.threads;

import dev.sessionledger.commons.testing.ArchitectureTest;

/** threads-service's packages depend one way, its services know nothing of HTTP, its resources declare their parameters. */
class ThreadsArchitectureTest extends ArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.sessionledger.threads";
    }
}
