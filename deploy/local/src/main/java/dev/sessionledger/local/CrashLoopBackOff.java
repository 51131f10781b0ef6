package dev.sessionledger.local;

import java.time.Duration;

/**
 * How long to wait before starting again a process that died, after Kubernetes' CrashLoopBackOff:
 * a first delay doubled on each crash in a row up to a cap, and forgotten once a run has lasted.
 */
public record CrashLoopBackOff(Duration first, Duration cap, Duration resetAfter) {

    /** Kubernetes waits 10 s doubling to 5 min, reset after 10 min; a local stack wants its services back sooner. */
    public static final CrashLoopBackOff LOCAL = new CrashLoopBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    /**
     * @param crashesInRow how many runs in a row have died, this one included; 1 for the first
     */
    public Duration delay(int crashesInRow) {
        Duration delay = first;
        for (int i = 1; i < crashesInRow && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) < 0 ? delay : cap;
    }

    /** Whether a run that lasted this long ends a crash loop, so that the next crash waits the first delay again. */
    public boolean resets(Duration lasted) {
        return lasted.compareTo(resetAfter) >= 0;
    }
}
