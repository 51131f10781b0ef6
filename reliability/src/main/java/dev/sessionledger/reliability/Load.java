package dev.sessionledger.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;

/** Client threads writing (and reading) through the gateway during a fault, with a ledger of what was acknowledged. */
public final class Load {

    /** What a client writes, or reads. */
    public enum Kind {
        MCP_SESSION, MESSAGES, MEETING, CHAT, THREAD, READ
    }

    /** One logical write and the markers of the rows it makes (a message batch makes several). */
    public record Write(Kind kind, List<String> keys) {
    }

    /** A write's acknowledgement: when (System.nanoTime) and the head of the answer. */
    public record Acknowledgement(Write write, long nanos, String answer) {
    }

    /** The parents writes go into: an MCP session with provider and run, a live meeting with a peer. */
    public record Parents(String ses, String spr, String srr, String rs, String peer) {

        public static Parents create(Http http, String token, Random random, String tag) {
            Map<String, String> mcp = DemoData.mcpSession(http, token, tag);
            Map<String, String> meeting = DemoData.meeting(http, token, "demo", random, tag);
            return new Parents(mcp.get("ses"), mcp.get("spr"), mcp.get("srr"), meeting.get("rs"), meeting.get("peer"));
        }
    }

    private static final int MESSAGES_PER_BATCH = 5;
    private static final int CHAT_PER_BATCH = 3;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    /** How long a retrying client keeps at one write before it gives up. */
    private static final Duration GIVE_UP = Duration.ofSeconds(90);

    private final Http http;
    private final String token;
    private final Parents parents;
    private final int threads;
    private final SuiteConfig config;
    private final String tag;
    private final boolean retry;
    private final boolean reads;
    private final RunLog log;
    private final String logName;

    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;
    private final ConcurrentLinkedQueue<Write> attempted = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Acknowledgement> acknowledged = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> samples = new ConcurrentHashMap<>();
    private final Map<String, String> firstSamples = new ConcurrentHashMap<>();
    private final LongAdder unavailableWithoutRetryAfter = new LongAdder();
    private final LongAdder givenUp = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final AtomicLong lastAcknowledged = new AtomicLong();

    /**
     * @param retry resend each write (same keys) until it is acknowledged, as a careful client does
     * @param reads mix reads of every service in with the writes
     */
    public Load(Scenario.Context ctx, Parents parents, String tag, boolean retry, boolean reads, String logName) {
        this.http = ctx.gateway();
        this.token = ctx.admin();
        this.parents = parents;
        this.threads = Math.max(1, ctx.config().writers());
        this.config = ctx.config();
        this.tag = tag;
        this.retry = retry;
        this.reads = reads;
        this.log = ctx.log();
        this.logName = logName;
    }

    public void start() {
        for (int t = 0; t < threads; t++) {
            int n = t;
            Thread worker = new Thread(() -> work(n), "load-" + tag + "-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Stops starting new writes and waits for those under way (a retrying one until acknowledged or given up). */
    public void stop() throws InterruptedException {
        stopping = true;
        for (Thread worker : workers) {
            worker.join(GIVE_UP.toMillis() + 30_000);
        }
    }

    private void work(int thread) {
        // A stream of its own per load and thread: client-chosen ids must not repeat across trials.
        Random random = new Random(config.seedFor(logName + "/" + tag + "/" + thread));
        long n = 0;
        while (!stopping) {
            Kind kind = Kind.values()[random.nextInt(reads ? Kind.values().length : Kind.values().length - 1)];
            if (kind == Kind.READ) {
                read(random);
                continue;
            }
            String marker = tag + "-" + thread + "-" + n++;
            write(kind, marker, random);
        }
    }

    private void write(Kind kind, String marker, Random random) {
        List<String> keys = new ArrayList<>();
        Http.Call call = call(kind, marker, random, keys);
        Write write = new Write(kind, List.copyOf(keys));
        attempted.add(write);
        long begin = System.nanoTime();
        while (true) {
            Http.Reply reply = http.send(call);
            count(kind, call, reply);
            if (reply.ok() && acknowledges(kind, reply, keys)) {
                long now = System.nanoTime();
                acknowledged.add(new Acknowledgement(write, now, Text.head(reply.describe(), 160)));
                lastAcknowledged.set(now);
                return;
            }
            if (reply.ok()) {
                sample("2xx that does not show the write " + kind, call, reply);
            }
            if (!retry || System.nanoTime() - begin > GIVE_UP.toNanos()) {
                if (retry) {
                    givenUp.increment();
                    log.line(logName, "gave up on " + kind + " " + marker + " after " + GIVE_UP.toSeconds() + " s: "
                            + reply.describe());
                }
                pause(50);
                return;
            }
            retries.increment();
            long wait = reply.header("Retry-After").map(Load::seconds).orElse(200L);
            pause(Math.min(wait, 1000));
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim()) * 1000;
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    private Http.Call call(Kind kind, String marker, Random random, List<String> keys) {
        Http.Call call = switch (kind) {
            case MCP_SESSION -> {
                keys.add(marker);
                yield Http.Call.json("POST", "/sessions", token, Bodies.session(marker)).header("Idempotency-Key", marker);
            }
            case MESSAGES -> {
                for (int j = 0; j < MESSAGES_PER_BATCH; j++) {
                    keys.add(Bodies.messageKey(marker, j));
                }
                yield Http.Call.json("POST", "/sessions/" + parents.ses() + "/messages", token,
                        Bodies.messages(parents.spr(), parents.srr(), marker, MESSAGES_PER_BATCH));
            }
            case MEETING -> {
                String id = DemoData.uuid(random);
                keys.add(id);
                yield Http.Call.json("POST", DemoData.Fixture.meetings("demo"), token, Bodies.meeting(id, marker));
            }
            case CHAT -> {
                for (int j = 0; j < CHAT_PER_BATCH; j++) {
                    keys.add(DemoData.uuid(random));
                }
                yield Http.Call.json("POST", DemoData.Fixture.meetings("demo") + "/" + parents.rs() + "/chat", token,
                        Bodies.chat(parents.peer(), marker, keys.toArray(String[]::new)));
            }
            case THREAD -> {
                keys.add(marker);
                yield Http.Call.json("POST", "/api/threads", token, Bodies.thread(marker)).header("Idempotency-Key", marker);
            }
            case READ -> throw new IllegalArgumentException("not a write");
        };
        return call.within(CALL_TIMEOUT);
    }

    /** A 2xx counts only when its body shows the write: the id, the items, the count stored. */
    private static boolean acknowledges(Kind kind, Http.Reply reply, List<String> keys) {
        JsonNode body = reply.json();
        return switch (kind) {
            case MCP_SESSION -> body.path("id").asText().startsWith("ses_");
            case MESSAGES -> body.path("items").size() == keys.size();
            case MEETING -> keys.get(0).equals(body.path("data").path("id").asText());
            case CHAT -> body.path("data").path("received").asInt() == keys.size();
            case THREAD -> keys.get(0).equals(body.path("title").asText());
            case READ -> true;
        };
    }

    private void read(Random random) {
        String path = switch (random.nextInt(5)) {
            case 0 -> "/sessions?limit=5&order=desc";
            case 1 -> "/session-participants?limit=5";
            case 2 -> "/sessions/" + parents.ses() + "/messages?limit=5&order=desc";
            case 3 -> DemoData.Fixture.meetings("demo") + "?per_page=5";
            default -> "/api/thread-participants?limit=5";
        };
        Http.Call call = Http.Call.of("GET", path, token).within(CALL_TIMEOUT);
        Http.Reply reply = http.send(call);
        count(Kind.READ, call, reply);
        if (!reply.ok()) {
            pause(50);
        }
    }

    private void count(Kind kind, Http.Call call, Http.Reply reply) {
        String status = reply.answered() ? Integer.toString(reply.status()) : "none";
        statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
        if (reply.status() == 503 && reply.header("Retry-After").isEmpty()) {
            unavailableWithoutRetryAfter.increment();
        }
        if (reply.status() >= 500 || !reply.answered()) {
            sample(status + " " + kind, call, reply);
        }
    }

    /** Logs the first few requests of each failure class. */
    private void sample(String failureClass, Http.Call call, Http.Reply reply) {
        if (samples.computeIfAbsent(failureClass, k -> new AtomicInteger()).incrementAndGet() <= 3) {
            firstSamples.putIfAbsent(failureClass, "`" + Text.head(call.describe(), 200) + "` -> "
                    + Text.head(reply.describe(), 200));
            log.line(logName, failureClass + ": " + call.describe() + "\n    -> " + reply.describe());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a write is acknowledged after {@code since} (System.nanoTime); false when none was in time. */
    public boolean awaitAcknowledgedAfter(long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastAcknowledged.get() <= since) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * For each class of answer that misses a target (status and kind, e.g. {@code 500 THREAD}; a 503
     * with {@code Retry-After} is the expected answer and not among them), how often, and its first
     * request and answer.
     */
    public Map<String, String> failures() {
        Map<String, String> all = new TreeMap<>();
        firstSamples.forEach((k, v) -> {
            if (!k.startsWith("503 ") || unavailableWithoutRetryAfter.sum() > 0) {
                all.put(k, samples.get(k).get() + "× " + k + "; e.g. " + v);
            }
        });
        return all;
    }

    public List<Write> attempted() {
        return List.copyOf(attempted);
    }

    public List<Acknowledgement> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Answers by status ({@code none} for no answer). */
    public Map<String, Long> statuses() {
        Map<String, Long> all = new TreeMap<>();
        statuses.forEach((k, v) -> all.put(k, v.sum()));
        return all;
    }

    public long count(String status) {
        LongAdder a = statuses.get(status);
        return a == null ? 0 : a.sum();
    }

    /** Answers of 5xx other than 500 and 503 (a gateway's 502 or 504 among them). */
    public long otherServerErrors() {
        return statuses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("5") && !e.getKey().equals("500") && !e.getKey().equals("503"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long unavailableWithoutRetryAfter() {
        return unavailableWithoutRetryAfter.sum();
    }

    public long givenUp() {
        return givenUp.sum();
    }

    public long retries() {
        return retries.sum();
    }
}
