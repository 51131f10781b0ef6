package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * Minutes as the API shows them: to two decimals, rounded half up. The same rule as SQL's
 * {@code round(extract(epoch ...) / 60, 2)} on millisecond timestamps, so both sides agree.
 */
public final class Durations {

    private static final BigDecimal MILLIS_PER_MINUTE = BigDecimal.valueOf(60_000);

    private Durations() {
    }

    public static BigDecimal minutes(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toMillis()).divide(MILLIS_PER_MINUTE, 2,
                RoundingMode.HALF_UP);
    }

    /** A peer's duration: fixed once it left, growing until then. */
    public static BigDecimal of(PeerRow p, Instant now) {
        return p.durationMinutes() != null ? p.durationMinutes()
                : minutes(p.joinedAt(), now.isBefore(p.joinedAt()) ? p.joinedAt() : now);
    }

    public static void close(RealtimeParticipant p, Instant at, Instant now) {
        p.leftAt = at;
        p.durationMinutes = minutes(p.joinedAt, at);
        p.updatedAt = now;
    }
}
