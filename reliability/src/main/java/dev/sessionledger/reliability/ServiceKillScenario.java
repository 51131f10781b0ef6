package dev.sessionledger.reliability;

import java.time.Duration;

/** Scenario 5: {@code kill -9} of each service mid-ingest, clients retrying; target nothing lost or doubled. */
public final class ServiceKillScenario extends Scenario {

    public ServiceKillScenario() {
        super("service-kill", "5. kill -9 of each service", true);
    }

    @Override
    public void run(Context ctx) throws Exception {
        Load.Parents parents = Load.Parents.create(ctx.gateway(), ctx.admin(), ctx.random(this), "sk-parents");
        long missing = 0;
        long duplicates = 0;
        for (String service : Stack.SERVICES) {
            Load load = new Load(ctx, parents, "sk-" + service.substring(0, 3), true, false, name());
            Kill.Outcome outcome = Kill.underLoad(ctx, service, load, Duration.ofSeconds(2));
            StoredWrites.Check check = StoredWrites.check(ctx.database(), load, outcome.signalled());
            missing += check.missing();
            duplicates += check.duplicates();
            String s = title();
            ctx.table().add(s, service + ": killed and back", outcome.recovered() ? "yes, writes acknowledged again after "
                    + Text.seconds(outcome.seconds()) : outcome.describe(), "yes", outcome.recovered());
            ctx.table().add(s, service + ": acknowledged writes missing / duplicates", check.missing() + " of "
                    + check.acknowledgedRows() + " / " + check.duplicates(), "0 / 0",
                    check.missing() == 0 && check.duplicates() == 0);
            ctx.table().info(s, service + ": retries, writes given up", load.retries() + ", " + load.givenUp());
            ctx.table().info(s, service + ": answers under load", Text.counts(load.statuses()));
            ctx.log().line(name(), service + ": " + outcome.describe() + "; " + check + "; answers " + load.statuses());
            if (check.duplicates() > 0) {
                ctx.table().note(s, service + " killed: writes stored twice after retries, e.g. "
                        + check.duplicateSamples());
            }
            if (check.missing() > 0) {
                ctx.table().note(s, service + " killed: acknowledged writes missing, e.g. " + check.missingSamples());
            }
            if (!outcome.recovered()) {
                break;
            }
        }
        ctx.table().add(title(), "acknowledged writes missing, all services", missing, "0", missing == 0);
        ctx.table().add(title(), "duplicates after the retries, all services", duplicates, "0", duplicates == 0);
    }
}
