package dev.sessionledger.commons.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one clock of a service, in UTC and at one precision, the millisecond: what time-ordered ids
 * carry, and what durations computed in Java and in SQL agree on. Code takes "now" from the
 * injected {@link Clock}, never from the system, so tests can fix time.
 */
public class ClockProducer {

    public static final Duration PRECISION = Duration.ofMillis(1);

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), PRECISION);
    }
}
