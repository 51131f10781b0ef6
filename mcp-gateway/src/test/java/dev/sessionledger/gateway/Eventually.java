package dev.sessionledger.gateway;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the gateway does after it has answered (recording, ending a session). */
final class Eventually {

    private Eventually() {
    }

    /** Waits until the condition holds or the time is up; the assertions that follow say what was not so. */
    static void within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
