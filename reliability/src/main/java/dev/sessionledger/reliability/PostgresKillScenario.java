package dev.sessionledger.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scenario 2: {@code kill -9} of the postmaster under write load; target no acknowledged write missing. */
public final class PostgresKillScenario extends Scenario {

    private static final int TARGET_TRIALS = 20;

    public PostgresKillScenario() {
        super("postgres-kill", "2. kill -9 PostgreSQL", true);
    }

    @Override
    public void run(Context ctx) throws Exception {
        Load.Parents parents = Load.Parents.create(ctx.gateway(), ctx.admin(), ctx.random(this), "pk-parents");
        int trials = 0;
        int recovered = 0;
        int withoutWrites = 0;
        long rows = 0;
        long missing = 0;
        long refused = 0;
        List<Double> seconds = new ArrayList<>();
        List<String> missingSamples = new ArrayList<>();
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, String> failures = new TreeMap<>();
        for (int t = 0; t < ctx.config().killTrials(); t++) {
            Load load = new Load(ctx, parents, "pk" + t, false, false, name());
            Kill.Outcome outcome = Kill.underLoad(ctx, Stack.POSTGRES, load, Duration.ofMillis(300));
            if (!outcome.writesBefore()) {
                withoutWrites++;
            }
            trials++;
            StoredWrites.Check check = StoredWrites.check(ctx.database(), load, outcome.signalled());
            rows += check.acknowledgedRows();
            missing += check.missing();
            refused += load.attempted().size() - load.acknowledged().size();
            missingSamples.addAll(check.missingSamples());
            load.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            load.failures().forEach(failures::putIfAbsent);
            ctx.log().line(name(), "trial " + t + ": " + outcome.describe() + "; acknowledged rows "
                    + check.acknowledgedRows() + ", missing " + check.missing() + " " + check.missingSamples()
                    + "; answers " + load.statuses());
            ctx.log().say(title() + ": trial " + (t + 1) + " of " + ctx.config().killTrials() + ", missing so far "
                    + missing);
            if (!outcome.recovered()) {
                ctx.table().note(title(), "trial " + t + ": " + outcome.describe() + "; the trials stop here");
                break;
            }
            recovered++;
            seconds.add(outcome.seconds());
        }
        String s = title();
        ResultsTable table = ctx.table();
        table.add(s, "trials", trials, "≥ " + TARGET_TRIALS, trials >= TARGET_TRIALS);
        table.add(s, "postmaster killed and back under a new pid, serving", recovered + " of " + trials, "all",
                recovered == trials && trials > 0);
        table.add(s, "trials without a write acknowledged before the kill", withoutWrites, "0", withoutWrites == 0);
        table.info(s, "acknowledged writes (rows)", rows);
        table.add(s, "acknowledged writes missing", missing, "0", missing == 0);
        table.info(s, "writes not acknowledged (refused or unanswered during the outages)", refused);
        table.info(s, "answers under load, all trials", Text.counts(statuses));
        table.info(s, "seconds until writes are acknowledged again, p50 / max", seconds.isEmpty() ? "-"
                : Text.seconds(Text.percentile(seconds, 50)) + " / " + Text.seconds(Text.max(seconds)));
        table.info(s, "exits of postgres the stack logged", ctx.stack().exitsLogged(Stack.POSTGRES));
        failures.values().forEach(f -> table.note(s, "while PostgreSQL was away, in the first trial that drew it: " + f));
        if (missing > 0) {
            table.note(s, missing + " acknowledged writes were not in the database after PostgreSQL came back, e.g. "
                    + missingSamples.subList(0, Math.min(3, missingSamples.size())));
        }
    }
}
