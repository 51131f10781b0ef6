package dev.sessionledger.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.sessionledger.reliability.Endpoints.Endpoint;
import dev.sessionledger.reliability.FuzzRequests.FuzzRequest;

/** Scenario 1: seeded hostile requests over every endpoint through the gateway; target no 5xx. */
public final class FuzzScenario extends Scenario {

    private static final Duration RAW_TIMEOUT = Duration.ofSeconds(10);
    private static final int SAMPLES_PER_CLASS = 3;

    /** Counts per endpoint, status class and kind, and a few samples of each failure class. */
    private static final class Tally {
        final Map<String, Map<String, LongAdder>> byEndpoint = new ConcurrentHashMap<>();
        final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
        final Map<String, LongAdder> byFailureClass = new ConcurrentHashMap<>();
        final Map<String, List<String>> samples = new ConcurrentHashMap<>();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger fiveHundreds = new AtomicInteger();
        final AtomicInteger noAnswer = new AtomicInteger();
        final AtomicInteger timeouts = new AtomicInteger();
        final AtomicInteger resent = new AtomicInteger();

        void add(String endpoint, int status) {
            byEndpoint.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(Http.statusClass(status), k -> new LongAdder()).increment();
            byStatus.computeIfAbsent(status <= 0 ? "none" : Integer.toString(status), k -> new LongAdder()).increment();
        }

        /** Keeps a few samples per endpoint and status; true when this one was kept. */
        boolean sample(String failureClass, String text) {
            byFailureClass.computeIfAbsent(failureClass, k -> new LongAdder()).increment();
            List<String> kept = samples.computeIfAbsent(failureClass, k -> new ArrayList<>());
            synchronized (kept) {
                if (kept.size() < SAMPLES_PER_CLASS) {
                    kept.add(text);
                    return true;
                }
                return false;
            }
        }

        long count(String endpoint, String statusClass) {
            LongAdder a = byEndpoint.getOrDefault(endpoint, Map.of()).get(statusClass);
            return a == null ? 0 : a.sum();
        }
    }

    public FuzzScenario() {
        super("fuzz", "1. Fuzzer", false);
    }

    @Override
    public void run(Context ctx) throws Exception {
        Random setup = ctx.random(this);
        DemoData.Fixture main = DemoData.create(ctx.gateway(), ctx.admin(), "demo", setup, "fuzz-main");
        DemoData.Fixture sacrificial = DemoData.create(ctx.gateway(), ctx.admin(), "demo", setup, "fuzz-sacrificial");
        DemoData.Fixture coverage = DemoData.create(ctx.gateway(), ctx.admin(), "demo", setup, "fuzz-coverage");
        DemoData.Fixture foreign = DemoData.create(ctx.gateway(), ctx.other(), "other", setup, "fuzz-foreign");
        FuzzRequests requests = new FuzzRequests(main, sacrificial, foreign,
                Map.of("admin", ctx.admin(), "member", ctx.member(), "other", ctx.other()),
                "127.0.0.1:" + ctx.config().gatewayPort(), ctx.config().seedFor(name()));
        Tally tally = new Tally();

        // One valid request per endpoint first, in an order where each can succeed.
        for (FuzzRequest r : FuzzRequests.coverage(coverage, ctx.admin(), setup)) {
            send(ctx, r, tally);
        }
        int total = Math.max(ctx.config().fuzzRequests(), tally.sent.get());
        int random = total - tally.sent.get();
        ctx.log().say("fuzz: " + random + " seeded requests, " + ctx.config().fuzzConcurrency() + " at a time");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, ctx.config().fuzzConcurrency()));
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < random; i++) {
            int index = i;
            pool.submit(() -> {
                try {
                    send(ctx, requests.build(index), tally);
                } catch (RuntimeException e) {
                    ctx.log().line(name(), "request " + index + " could not be built: " + e);
                }
                int n = done.incrementAndGet();
                if (n % 2000 == 0) {
                    ctx.log().say("fuzz: " + n + " of " + random + " sent, 5xx so far " + tally.fiveHundreds.get());
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(20, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        report(ctx, tally);
    }

    private void send(Context ctx, FuzzRequest r, Tally tally) {
        Http.Reply reply = r.call() != null ? ctx.gateway().send(r.call()) : ctx.gateway().raw(r.raw(), RAW_TIMEOUT);
        if (r.call() != null && closedBeforeAnswer(reply)) {
            // The client reused a connection the server had just closed (it closes after a 414 or 431);
            // the client resends GETs itself, not writes. Once more on a fresh connection tells the two apart.
            tally.resent.incrementAndGet();
            reply = ctx.gateway().send(r.call());
        }
        tally.sent.incrementAndGet();
        String endpoint = r.endpoint().name();
        tally.add(endpoint, reply.status());
        ctx.log().line("fuzz-requests", r.index() + "\t" + r.kind() + "\t" + endpoint + "\t" + reply.status() + "\t"
                + Math.round(reply.nanos() / 1e6) + " ms");
        if (reply.status() >= 500) {
            tally.fiveHundreds.incrementAndGet();
            String failureClass = reply.status() + " " + r.label();
            String sample = "#" + r.index() + " [" + r.kind() + "] " + r.describe() + "\n    -> " + reply.describe();
            if (tally.sample(failureClass, sample)) {
                ctx.log().line("fuzz-5xx", failureClass + "\n  " + sample);
            }
        } else if (!reply.answered()) {
            tally.noAnswer.incrementAndGet();
            if (reply.timedOut()) {
                tally.timeouts.incrementAndGet();
            }
            String failureClass = "no answer " + r.label();
            String sample = "#" + r.index() + " [" + r.kind() + "] " + r.describe() + "\n    -> " + reply.describe();
            if (tally.sample(failureClass, sample)) {
                ctx.log().line("fuzz-no-answer", failureClass + "\n  " + sample);
            }
        }
    }

    private static boolean closedBeforeAnswer(Http.Reply reply) {
        return !reply.answered() && reply.error() != null && reply.error().contains("received no bytes");
    }

    private void report(Context ctx, Tally tally) throws InterruptedException {
        String s = title();
        ResultsTable table = ctx.table();
        table.add(s, "requests sent", tally.sent.get(), "≥ 10 000", tally.sent.get() >= 10_000);
        table.add(s, "5xx answers", tally.fiveHundreds.get(), "0", tally.fiveHundreds.get() == 0);
        Map<String, Long> statuses = new TreeMap<>();
        tally.byStatus.forEach((k, v) -> statuses.put(k, v.sum()));
        table.info(s, "answers by status", Text.counts(statuses));
        List<String> without2xx = new ArrayList<>();
        List<String> without4xx = new ArrayList<>();
        for (Endpoint e : Endpoints.ALL) {
            if (tally.count(e.name(), "2xx") == 0) {
                without2xx.add(e.name());
            }
            if (tally.count(e.name(), "4xx") == 0) {
                without4xx.add(e.name());
            }
        }
        int n = Endpoints.ALL.size();
        table.add(s, "endpoints that answered 2xx", (n - without2xx.size()) + " of " + n, n + " of " + n,
                without2xx.isEmpty());
        table.add(s, "endpoints that answered 4xx", (n - without4xx.size()) + " of " + n, n + " of " + n,
                without4xx.isEmpty());
        if (!without2xx.isEmpty()) {
            table.note(s, "no 2xx answer at all from " + String.join(", ", without2xx)
                    + " (the fuzzer did not reach the code behind them, or they fail even for valid requests)");
        }
        table.info(s, "no answer (closed or timed out)", tally.noAnswer.get() + " (" + tally.timeouts.get()
                + " timed out; samples in fuzz-no-answer.log); " + tally.resent.get()
                + " writes resent once after a reused connection was closed");
        boolean ready = ctx.stack().awaitReady(Stack.SERVICES, Duration.ofSeconds(30)).isPresent();
        table.add(s, "every service ready afterwards", ready ? "yes" : "no", "yes", ready);
        Map<String, Long> classes = new TreeMap<>();
        tally.byFailureClass.forEach((k, v) -> classes.put(k, v.sum()));
        for (Map.Entry<String, Long> c : classes.entrySet()) {
            if (c.getKey().startsWith("no answer")) {
                continue;
            }
            List<String> kept = tally.samples.get(c.getKey());
            table.note(s, c.getValue() + "× " + c.getKey() + "; e.g. `" + Text.head(kept.get(0).replace("\n    ", " "),
                    400).replace("`", "'") + "`");
        }
        ctx.log().line(name(), "answers by endpoint and status class:");
        for (Endpoint e : Endpoints.ALL) {
            ctx.log().line(name(), String.format("  %-62s 2xx %5d  4xx %5d  5xx %5d  none %4d", e.name(),
                    tally.count(e.name(), "2xx"), tally.count(e.name(), "4xx"), tally.count(e.name(), "5xx"),
                    tally.count(e.name(), "none")));
        }
    }
}
