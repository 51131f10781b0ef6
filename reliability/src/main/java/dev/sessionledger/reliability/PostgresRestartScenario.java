package dev.sessionledger.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

/** Scenario 3: PostgreSQL restarted under load; target no 500 or other 5xx, services back unrestarted. */
public final class PostgresRestartScenario extends Scenario {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(120);

    public PostgresRestartScenario() {
        super("restart", "3. PostgreSQL restart", true);
    }

    @Override
    public void run(Context ctx) throws Exception {
        Random random = ctx.random(this);
        Load.Parents parents = Load.Parents.create(ctx.gateway(), ctx.admin(), random, "rs-parents");
        Load load = new Load(ctx, parents, "rs", false, true, name());
        List<Double> recoveries = new ArrayList<>();
        int restartedServices = 0;
        int notStopped = 0;
        boolean recovered = true;
        load.start();
        try {
            Thread.sleep(2000);
            for (int trial = 0; trial < Math.max(1, ctx.config().restartTrials()) && recovered; trial++) {
                Map<String, Long> services = new HashMap<>();
                for (String service : Stack.SERVICES) {
                    services.put(service, ctx.stack().pid(service).orElse(-1));
                }
                long pid = ctx.stack().pid(Stack.POSTGRES).orElseThrow(() -> new IllegalStateException("no postmaster pid"));
                long t0 = System.nanoTime();
                Stack.signal(pid, "INT");
                if (!Stack.awaitDeath(pid, Duration.ofSeconds(30))) {
                    notStopped++;
                }
                OptionalLong again = ctx.stack().awaitNewPid(Stack.POSTGRES, pid, RECOVERY_TIMEOUT);
                double seconds = again.isPresent() ? servingAgain(ctx, parents, t0) : -1;
                ctx.log().line(name(), "trial " + trial + ": postmaster " + pid + " -> " + again + ", serving again after "
                        + seconds + " s");
                if (seconds < 0) {
                    recovered = false;
                } else {
                    recoveries.add(seconds);
                }
                for (String service : Stack.SERVICES) {
                    if (ctx.stack().pid(service).orElse(-1) != services.get(service)) {
                        restartedServices++;
                    }
                }
                Thread.sleep(3000);
            }
        } finally {
            load.stop();
        }
        StoredWrites.Check check = StoredWrites.check(ctx.database(), load, 0);
        String s = title();
        ResultsTable table = ctx.table();
        table.add(s, "restarts (postmaster stopped by SIGINT and back)", recoveries.size() + " of "
                + Math.max(1, ctx.config().restartTrials()), "all", recovered && notStopped == 0);
        table.info(s, "answers under load", Text.counts(load.statuses()));
        table.add(s, "500 answers", load.count("500"), "0", load.count("500") == 0);
        table.info(s, "503 answers (expected while the database is away)", load.count("503"));
        table.add(s, "503 answers without Retry-After", load.unavailableWithoutRetryAfter(), "0",
                load.unavailableWithoutRetryAfter() == 0);
        table.add(s, "other 5xx answers", load.otherServerErrors(), "0", load.otherServerErrors() == 0);
        table.info(s, "requests with no answer", load.count("none"));
        table.add(s, "seconds until every service serves again, max", recoveries.isEmpty() ? "never"
                : Text.seconds(Text.max(recoveries)), "within " + RECOVERY_TIMEOUT.toSeconds() + " s", recovered);
        table.add(s, "services restarted meanwhile", restartedServices, "0", restartedServices == 0);
        table.add(s, "acknowledged writes missing", check.missing() + " of " + check.acknowledgedRows(), "0",
                check.missing() == 0);
        load.failures().values().forEach(f -> table.note(s, f));
    }

    /**
     * Seconds from the signal until each service is ready on its own port and answers a read through
     * the gateway; -1 when that did not happen in time.
     */
    static double servingAgain(Context ctx, Load.Parents parents, long t0) throws InterruptedException {
        long deadline = t0 + RECOVERY_TIMEOUT.toNanos();
        List<String> probes = List.of("/sessions?limit=1", "/sessions/" + parents.ses() + "/messages?limit=1",
                "/api/thread-participants?limit=1");
        while (System.nanoTime() < deadline) {
            boolean all = Stack.SERVICES.stream().allMatch(ctx.stack()::ready)
                    && probes.stream().allMatch(p -> ctx.gateway().get(p, ctx.admin()).ok());
            if (all) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(100);
        }
        return -1;
    }
}
