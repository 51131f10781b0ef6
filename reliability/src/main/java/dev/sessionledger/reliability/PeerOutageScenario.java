package dev.sessionledger.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

/** Scenario 4: sessions-service stalled, then killed, under ingest; target a quick 503, nothing stored. */
public final class PeerOutageScenario extends Scenario {

    private static final int FIRST_REQUESTS = 10;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);
    private static final double TARGET_SECONDS = 1.0;

    /** The answers to the first batches during one outage. */
    private record Outage(List<Http.Reply> replies, List<String> keys) {
    }

    public PeerOutageScenario() {
        super("outage", "4. Peer outage", false);
    }

    @Override
    public void run(Context ctx) throws Exception {
        Random random = ctx.random(this);
        stalled(ctx, random);
        String killed = title() + " (killed)";
        if (ctx.stack().supervised()) {
            killed(ctx, random);
        } else {
            ctx.table().notRun(killed, "the local stack does not restart what dies (no run/<name>.pid files)");
        }
    }

    private void stalled(Context ctx, Random random) throws Exception {
        String s = title() + " (stalled)";
        List<Map<String, String>> sessions = fresh(ctx, random, "po-stall");
        // The control: with the peer up, a batch for a session new to messages-service is stored, and how fast.
        Map<String, String> control = DemoData.mcpSession(ctx.gateway(), ctx.admin(), "po-control");
        Http.Reply normal = ctx.gateway().send(Http.Call.json("POST", "/sessions/" + control.get("ses") + "/messages",
                ctx.admin(), Bodies.messages(control.get("spr"), null, "po-control", 1)).within(CLIENT_TIMEOUT));
        ctx.table().add(s, "control: a batch for a new session with the peer up", normal.status() + " in "
                + Text.seconds(normal.seconds()), "201", normal.status() == 201);
        long pid = ctx.stack().pid(Stack.SESSIONS).orElseThrow(() -> new IllegalStateException("no sessions-service pid"));
        Outage outage;
        if (!Stack.signal(pid, "STOP")) {
            throw new IllegalStateException("SIGSTOP to sessions-service (pid " + pid + ") was not delivered");
        }
        try {
            char state = Stack.state(pid).orElse('?');
            ctx.table().add(s, "sessions-service stopped (state of its pid)", state, "T", state == 'T' || state == 't');
            outage = send(ctx, sessions, "po-stall");
        } finally {
            Stack.signal(pid, "CONT");
        }
        report(ctx, s, outage);
    }

    private void killed(Context ctx, Random random) throws Exception {
        String s = title() + " (killed)";
        List<Map<String, String>> sessions = fresh(ctx, random, "po-kill");
        long pid = ctx.stack().pid(Stack.SESSIONS).orElseThrow(() -> new IllegalStateException("no sessions-service pid"));
        Stack.signal(pid, "KILL");
        boolean dead = Stack.awaitDeath(pid, Duration.ofSeconds(5));
        ctx.table().add(s, "sessions-service killed (its pid gone)", dead ? "yes" : "no", "yes", dead);
        Outage outage = send(ctx, sessions, "po-kill");
        OptionalLong again = ctx.stack().awaitNewPid(Stack.SESSIONS, pid, Duration.ofSeconds(90));
        ctx.table().info(s, "sessions-service restarted by the stack", again.isPresent() ? "yes, pid " + again.getAsLong()
                : "no, within 90 s");
        report(ctx, s, outage);
    }

    /** Sessions with a provider each, made before the outage and never sent a message, so nothing caches them. */
    private static List<Map<String, String>> fresh(Context ctx, Random random, String tag) {
        List<Map<String, String>> sessions = new ArrayList<>();
        for (int i = 0; i < FIRST_REQUESTS; i++) {
            sessions.add(DemoData.mcpSession(ctx.gateway(), ctx.admin(), tag + "-" + i + "-" + random.nextInt(1000)));
        }
        return sessions;
    }

    /** One batch per session, one after the other, each timed from send to answer. */
    private Outage send(Context ctx, List<Map<String, String>> sessions, String tag) {
        List<Http.Reply> replies = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Map<String, String> ids = sessions.get(i);
            String marker = tag + "-" + i;
            keys.add(Bodies.messageKey(marker, 0));
            Http.Call call = Http.Call.json("POST", "/sessions/" + ids.get("ses") + "/messages", ctx.admin(),
                    Bodies.messages(ids.get("spr"), null, marker, 1)).within(CLIENT_TIMEOUT);
            Http.Reply reply = ctx.gateway().send(call);
            replies.add(reply);
            ctx.log().line(name(), tag + " #" + i + " " + Text.seconds(reply.seconds()) + " retry-after="
                    + reply.header("Retry-After").orElse("-") + ": " + reply.describe());
        }
        return new Outage(replies, keys);
    }

    private void report(Context ctx, String s, Outage outage) throws Exception {
        ctx.stack().awaitReady(Stack.SERVICES, Duration.ofSeconds(90));
        // A late store would show now: the stalled peer has answered whatever was queued.
        Thread.sleep(3000);
        List<Double> seconds = outage.replies().stream().map(Http.Reply::seconds).toList();
        long refused = outage.replies().stream().filter(r -> r.status() == 503).count();
        long withRetryAfter = outage.replies().stream()
                .filter(r -> r.status() == 503 && r.header("Retry-After").isPresent()).count();
        List<String> notStoredKeys = new ArrayList<>();
        for (int i = 0; i < outage.replies().size(); i++) {
            if (!outage.replies().get(i).ok()) {
                notStoredKeys.add(outage.keys().get(i));
            }
        }
        long stored = notStoredKeys.isEmpty() ? 0 : ctx.database().count("messages",
                "select count(*) from session_message where tenant_id = 'demo' and idempotency_key = any(?)",
                notStoredKeys);
        double max = Text.max(seconds);
        int n = outage.replies().size();
        ctx.table().add(s, "first batches answered 503", refused + " of " + n, n + " of " + n, refused == n);
        ctx.table().add(s, "seconds to the answer, max / p50", Text.seconds(max) + " / "
                + Text.seconds(Text.percentile(seconds, 50)), "max ≤ 1 s", max <= TARGET_SECONDS);
        ctx.table().add(s, "503s with Retry-After", withRetryAfter + " of " + refused, refused + " of " + refused,
                withRetryAfter == refused);
        ctx.table().add(s, "rows stored from refused batches", stored, "0", stored == 0);
        Http.Reply first = outage.replies().get(0);
        if (refused < n || max > TARGET_SECONDS) {
            ctx.table().note(s, "POST /sessions/{id}/messages for a new session answered " + first.describe()
                    + "; the first " + n + " batches, one after the other, took " + seconds.stream()
                            .map(x -> String.format(java.util.Locale.ROOT, "%.2f", x)).toList() + " s");
        }
        awaitIngest(ctx);
    }

    /** After an outage the breaker may stay open a few seconds; later scenarios want ingest to work. */
    private static void awaitIngest(Context ctx) throws InterruptedException {
        Map<String, String> ids = DemoData.mcpSession(ctx.gateway(), ctx.admin(), "po-after");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int n = 0;
        while (System.nanoTime() < deadline) {
            Http.Reply r = ctx.gateway().json("POST", "/sessions/" + ids.get("ses") + "/messages", ctx.admin(),
                    Bodies.messages(ids.get("spr"), null, "po-after-" + n++, 1));
            if (r.ok()) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
