package dev.sessionledger.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Entry point of reliability/run.sh: starts its own stack, runs the scenarios, stops it, writes the figures. */
public final class FaultSuite {

    private static final Duration HEALTHY_AGAIN = Duration.ofSeconds(120);

    private final SuiteConfig config;
    private final ResultsTable table = new ResultsTable();
    private final RunLog log;
    private volatile Stack stack;

    private FaultSuite(SuiteConfig config) {
        this.config = config;
        this.log = new RunLog(config.resultsDirectory());
    }

    public static void main(String[] args) throws IOException {
        SuiteConfig config = SuiteConfig.fromEnvironment(Path.of("").toAbsolutePath(), System.getenv());
        Files.createDirectories(config.resultsDirectory());
        System.exit(new FaultSuite(config).run());
    }

    static List<Scenario> scenarios() {
        return List.of(new FuzzScenario(), new TenantMatrixScenario(), new ParallelRetryScenario(),
                new PeerOutageScenario(), new PostgresRestartScenario(), new ServiceKillScenario(),
                new PostgresKillScenario());
    }

    private int run() throws IOException {
        Instant begin = Instant.now();
        log.say("seed " + config.seed() + " (replay with SEED=" + config.seed() + "); results in "
                + config.root().relativize(config.resultsDirectory()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Stack s = stack;
            if (s != null) {
                s.close();
            }
        }, "fault-suite-stop"));
        List<String> facts = new ArrayList<>();
        List<String> left = List.of();
        boolean started = false;
        try {
            log.say("starting the local stack (gateway " + config.gatewayPort() + ", PostgreSQL " + config.postgresPort()
                    + ", data " + config.root().relativize(config.dataDirectory()) + ")");
            stack = Stack.start(config, config.resultsDirectory().resolve("stack.log"));
            started = true;
            log.say(String.format(Locale.ROOT, "the stack is up in %.1f s; it %s its processes", stack.startSeconds(),
                    stack.supervised() ? "supervises" : "does not supervise"));
            Database database = new Database(config.postgresPort());
            facts.add(String.format(Locale.ROOT, "stack up in %.1f s; supervision (run/<name>.pid): %s",
                    stack.startSeconds(), stack.supervised() ? "yes" : "no"));
            facts.add("PostgreSQL: " + database.rows("postgres", "select version()").get(0).get(0).split(",")[0]
                    + "; fsync=" + database.setting("fsync") + ", synchronous_commit="
                    + database.setting("synchronous_commit"));
            Scenario.Context context = new Scenario.Context(config, stack, new Http(config.gatewayPort()), database, table,
                    log);
            runScenarios(context);
        } catch (Exception e) {
            log.say("stopped early: " + e);
            log.line("suite", stackTrace(e));
            table.notRun("suite", (started ? "" : "the local stack did not start: ") + e.getMessage());
        } finally {
            if (stack != null) {
                log.say("stopping the stack");
                left = stack.closeAndReport();
                stack.copyLogs(config.resultsDirectory().resolve("service-logs"));
                stack = null;
            }
            log.close();
        }
        if (started) {
            table.add("stop", "processes or ports left after the stop", left.size(), "0", left.isEmpty());
        }
        String summary = summary(begin, facts, left);
        Files.writeString(config.resultsDirectory().resolve("summary.md"), summary, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(summary);
        System.out.println("[fault] results in " + config.root().relativize(config.resultsDirectory()));
        if (!started) {
            return 2;
        }
        return table.anyMissed() ? 1 : 0;
    }

    private void runScenarios(Scenario.Context context) throws InterruptedException, IOException {
        String broken = null;
        for (Scenario scenario : scenarios()) {
            if (!config.scenarios().contains(scenario.name())) {
                continue;
            }
            if (broken != null) {
                table.notRun(scenario.title(), broken);
                continue;
            }
            if (scenario.needsSupervision() && !stack.supervised()) {
                table.notRun(scenario.title(), "the local stack does not restart what dies (no run/<name>.pid "
                        + "files), so a kill would end the run");
                continue;
            }
            log.say(scenario.title() + ": start");
            long t0 = System.nanoTime();
            try {
                scenario.run(context);
            } catch (Exception | AssertionError e) {
                log.say(scenario.title() + ": could not finish: " + e);
                log.line(scenario.name(), stackTrace(e));
                table.notRun(scenario.title(), "could not finish: " + Text.head(String.valueOf(e.getMessage()), 300));
            }
            log.say(String.format(Locale.ROOT, "%s: done in %.0f s", scenario.title(), (System.nanoTime() - t0) / 1e9));
            if (stack.awaitReady(Stack.SERVICES, HEALTHY_AGAIN).isEmpty()) {
                broken = "a service was not ready " + HEALTHY_AGAIN.toSeconds() + " s after " + scenario.title();
                log.say(broken);
            }
        }
    }

    private String summary(Instant begin, List<String> facts, List<String> left) {
        Duration took = Duration.between(begin, Instant.now());
        StringBuilder out = new StringBuilder();
        out.append("# Fault suite, ").append(DateTimeFormatter.ISO_INSTANT.format(begin.atOffset(ZoneOffset.UTC)))
                .append("\n\n");
        out.append("- code: ").append(git("log", "-1", "--format=%h %s")).append(" (branch ")
                .append(git("rev-parse", "--abbrev-ref", "HEAD"))
                .append(git("status", "--porcelain", "--untracked-files=no").isBlank() ? "" : ", with uncommitted changes")
                .append(")\n");
        out.append("- seed: ").append(config.seed()).append(" (replay: `SEED=").append(config.seed())
                .append(" reliability/run.sh`; ids the server makes differ between runs)\n");
        out.append("- bounds: FUZZ_REQUESTS=").append(config.fuzzRequests()).append(", FUZZ_CONCURRENCY=")
                .append(config.fuzzConcurrency()).append(", KILL_TRIALS=").append(config.killTrials())
                .append(", RESTART_TRIALS=").append(config.restartTrials()).append(", WRITERS=").append(config.writers())
                .append("; scenarios: ").append(config.partial() ? String.join(", ", config.scenarios()) : "all")
                .append('\n');
        out.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append('\n');
        facts.forEach(f -> out.append("- ").append(f).append('\n'));
        out.append(String.format(Locale.ROOT, "- took: %d min %02d s%n", took.toMinutes(), took.toSecondsPart()));
        out.append("\n## Figures\n\n").append(table.markdown());
        List<String> notes = table.notes();
        if (!notes.isEmpty()) {
            out.append("\n## What failed, with an example request for each class\n\n");
            notes.forEach(n -> out.append(n).append('\n'));
        }
        out.append("\n## Left running after the stop\n\n");
        if (left.isEmpty()) {
            out.append("nothing\n");
        } else {
            left.forEach(l -> out.append("- ").append(l).append('\n'));
        }
        return out.toString();
    }

    private String git(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", config.root().toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "?";
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
