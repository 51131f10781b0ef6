package dev.sessionledger.reliability;

import java.util.Random;

/** One fault scenario: it drives the stack, measures, and puts its figures in the table. */
public abstract class Scenario {

    private final String name;
    private final String title;
    private final boolean needsSupervision;

    /**
     * @param name what {@code SCENARIOS} selects it by, also its raw log's name
     * @param title how the table and the summary name it
     * @param needsSupervision whether it needs a stack that restarts what dies (pid files under {@code run/})
     */
    protected Scenario(String name, String title, boolean needsSupervision) {
        this.name = name;
        this.title = title;
        this.needsSupervision = needsSupervision;
    }

    public final String name() {
        return name;
    }

    public final String title() {
        return title;
    }

    public final boolean needsSupervision() {
        return needsSupervision;
    }

    public abstract void run(Context context) throws Exception;

    /** What a scenario works with. */
    public record Context(SuiteConfig config, Stack stack, Http gateway, Database database, ResultsTable table,
            RunLog log) {

        public String admin() {
            return stack.token("ADMIN_TOKEN");
        }

        public String member() {
            return stack.token("MEMBER_TOKEN");
        }

        public String other() {
            return stack.token("OTHER_TOKEN");
        }

        /** The scenario's own seeded randomness. */
        public Random random(Scenario scenario) {
            return new Random(config.seedFor(scenario.name()));
        }
    }
}
