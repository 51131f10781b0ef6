package dev.sessionledger.sessions.realtime.meeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A session read at one instant, with the join times of the peers still inside, which price its live minutes. */
public record SessionSnapshot(SessionRow session, List<Instant> openJoins, Instant asOf) {

    /** Finished stays as stored plus every open stay up to {@code asOf}, each rounded as a peer's duration is. */
    public BigDecimal minutesConsumed() {
        BigDecimal total = session.minutesConsumed();
        for (Instant joined : openJoins) {
            total = total.add(Durations.minutes(joined, asOf.isBefore(joined) ? joined : asOf));
        }
        return total;
    }
}
