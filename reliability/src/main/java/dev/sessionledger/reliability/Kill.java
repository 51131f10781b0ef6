package dev.sessionledger.reliability;

import java.time.Duration;
import java.util.OptionalLong;

/** {@code kill -9} of one supervised process under load, checked gone, back under a new pid and serving. */
public final class Kill {

    private static final Duration BACK_TIMEOUT = Duration.ofSeconds(120);

    /**
     * What one kill did: {@code writesBefore} whether writes were acknowledged before it (else it proved
     * nothing), {@code signalled} when the signal went (System.nanoTime), {@code seconds} from then until a
     * write was acknowledged again (-1: never).
     */
    public record Outcome(boolean writesBefore, long pid, long signalled, boolean died, OptionalLong newPid,
            double seconds) {

        public boolean recovered() {
            return died && newPid.isPresent() && seconds >= 0;
        }

        public String describe() {
            return "pid " + pid + (died ? " killed" : " NOT killed") + ", back as "
                    + (newPid.isPresent() ? "pid " + newPid.getAsLong() : "nothing") + ", writes acknowledged again after "
                    + (seconds < 0 ? "never" : Text.seconds(seconds));
        }
    }

    private Kill() {
    }

    /** Starts {@code load}, kills {@code name} once writes are acknowledged, lets it settle, and stops the load. */
    public static Outcome underLoad(Scenario.Context ctx, String name, Load load, Duration settle) throws Exception {
        long begin = System.nanoTime();
        load.start();
        try {
            boolean writesBefore = load.awaitAcknowledgedAfter(begin, Duration.ofSeconds(10));
            Thread.sleep(1000);
            Outcome outcome = of(ctx, name, load, writesBefore);
            Thread.sleep(settle.toMillis());
            return outcome;
        } finally {
            load.stop();
        }
    }

    private static Outcome of(Scenario.Context ctx, String name, Load load, boolean writesBefore) throws Exception {
        long pid = ctx.stack().pid(name).orElseThrow(() -> new IllegalStateException("no pid for " + name));
        if (!Stack.alive(pid)) {
            throw new IllegalStateException(name + " (pid " + pid + ") is not running before the kill");
        }
        long t0 = System.nanoTime();
        Stack.signal(pid, "KILL");
        boolean died = Stack.awaitDeath(pid, Duration.ofSeconds(10));
        OptionalLong again = ctx.stack().awaitNewPid(name, pid, BACK_TIMEOUT);
        double seconds = -1;
        if (again.isPresent() && ctx.stack().awaitReady(Stack.SERVICES, BACK_TIMEOUT).isPresent()
                && load.awaitAcknowledgedAfter(System.nanoTime(), Duration.ofSeconds(60))) {
            seconds = (System.nanoTime() - t0) / 1e9;
        }
        return new Outcome(writesBefore, pid, t0, died, again, seconds);
    }
}
