package dev.sessionledger.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** Scenario 7: each idempotent create sent 16 times at once; target one result and one set of rows each. */
public final class ParallelRetryScenario extends Scenario {

    private static final int COPIES = 16;

    /**
     * One create: its request, what in a 2xx answer identifies the result, the SQL that counts its rows
     * (first parameter bound to {@code keys}) and how many there must be.
     */
    private record Create(String name, Http.Call call, Function<JsonNode, String> result, String database,
            String countSql, List<String> keys, long rows, boolean oneCreatedRestConflict) {
    }

    public ParallelRetryScenario() {
        super("retries", "7. Parallel retries", false);
    }

    @Override
    public void run(Context ctx) throws Exception {
        Random random = ctx.random(this);
        Http http = ctx.gateway();
        String token = ctx.admin();
        String tag = "pr" + Long.toHexString(ctx.config().seedFor(name())).substring(0, 6);
        Load.Parents p = Load.Parents.create(http, token, random, tag);
        String thread = DemoData.require(http, "thread", Http.Call.json("POST", "/api/threads", token,
                Bodies.thread(tag))).path("id").asText();
        String meetings = DemoData.Fixture.meetings("demo");
        String meeting = meetings + "/" + p.rs();

        List<String> messageKeys = List.of(Bodies.messageKey(tag, 0), Bodies.messageKey(tag, 1), Bodies.messageKey(tag, 2));
        String newMeeting = DemoData.uuid(random);
        String newPeer = DemoData.uuid(random);
        List<String> chat = List.of(DemoData.uuid(random), DemoData.uuid(random), DemoData.uuid(random));
        List<String> segments = List.of(DemoData.uuid(random), DemoData.uuid(random), DemoData.uuid(random));
        Function<JsonNode, String> id = b -> b.path("id").asText();
        Function<JsonNode, String> stored = b -> "stored";

        List<Create> creates = List.of(
                new Create("MCP session (Idempotency-Key)", keyed(Http.Call.json("POST", "/sessions", token,
                        Bodies.session(tag)), tag + "-s"), id, "sessions",
                        "select count(*) from mcp_session where tenant_id = 'demo' and idempotency_key = any(?)",
                        List.of(tag + "-s"), 1, false),
                new Create("connection (Idempotency-Key)", keyed(Http.Call.json("POST", "/sessions/" + p.ses()
                        + "/connections", token, Bodies.connection(tag)), tag + "-c"), id, "sessions",
                        "select count(*) from mcp_connection where tenant_id = 'demo' and idempotency_key = any(?)",
                        List.of(tag + "-c"), 1, false),
                new Create("provider (Idempotency-Key)", keyed(Http.Call.json("POST", "/sessions/" + p.ses()
                        + "/providers", token, Bodies.provider(tag)), tag + "-p"), id, "sessions",
                        "select count(*) from mcp_session_provider where tenant_id = 'demo' and idempotency_key = any(?)",
                        List.of(tag + "-p"), 1, false),
                new Create("provider run (Idempotency-Key)", keyed(Http.Call.of("POST", "/sessions/" + p.ses()
                        + "/providers/" + p.spr() + "/runs", token), tag + "-r"), id, "sessions",
                        "select count(*) from mcp_provider_run where tenant_id = 'demo' and idempotency_key = any(?)",
                        List.of(tag + "-r"), 1, false),
                new Create("messages (idempotency_key)", Http.Call.json("POST", "/sessions/" + p.ses() + "/messages",
                        token, Bodies.messages(p.spr(), p.srr(), tag, 3)),
                        b -> b.path("items").findValuesAsText("id").toString(), "messages",
                        "select count(*) from session_message where tenant_id = 'demo' and idempotency_key = any(?)",
                        messageKeys, 3, false),
                new Create("RealtimeKit start (id)", Http.Call.json("POST", meetings, token,
                        Bodies.meeting(newMeeting, tag)), b -> b.path("data").path("id").asText(), "sessions",
                        "select count(*) from rtk_session where tenant_id = 'demo' and id::text = any(?)",
                        List.of(newMeeting), 1, false),
                new Create("RealtimeKit join (peer_id)", Http.Call.json("POST", meeting + "/participants", token,
                        Bodies.join(newPeer, tag)), b -> b.path("data").path("participant").path("id").asText(),
                        "sessions", "select count(*) from rtk_peer_event where tenant_id = 'demo' and peer_id::text = any(?)",
                        List.of(newPeer), 2, false),
                new Create("RealtimeKit chat (ids)", Http.Call.json("POST", meeting + "/chat", token,
                        Bodies.chat(p.peer(), tag, chat.toArray(String[]::new))), stored, "sessions",
                        "select count(*) from rtk_chat_message where tenant_id = 'demo' and id::text = any(?)", chat, 3,
                        false),
                new Create("RealtimeKit transcript (ids)", Http.Call.json("POST", meeting + "/transcript", token,
                        Bodies.transcript(p.peer(), segments.toArray(String[]::new))), stored, "sessions",
                        "select count(*) from rtk_transcript_segment where tenant_id = 'demo' and id::text = any(?)",
                        segments, 3, false),
                new Create("RealtimeKit PUT peer-report", Http.Call.json("PUT", meetings + "/peer-report/" + p.peer(),
                        token, Bodies.peerReport(tag)), b -> b.path("data").path("peer_report").toString(), "sessions",
                        "select count(*) from rtk_peer_report where tenant_id = 'demo' and peer_id::text = any(?)",
                        List.of(p.peer()), 1, false),
                new Create("RealtimeKit POST summary", Http.Call.of("POST", meeting + "/summary", token),
                        b -> b.path("data").path("status").asText(), "sessions",
                        "select count(*) from rtk_summary where tenant_id = 'demo' and session_id::text = any(?)",
                        List.of(p.rs()), 1, false),
                new Create("thread (Idempotency-Key)", keyed(Http.Call.json("POST", "/api/threads", token,
                        Bodies.thread(tag + "-t")), tag + "-t"), id, "threads",
                        "select count(*) from thread where tenant_id = 'demo' and idempotency_key = any(?)",
                        List.of(tag + "-t"), 1, false),
                new Create("thread participant add", Http.Call.json("POST", "/api/thread-participants", token,
                        Bodies.threadParticipant(thread, "agent-" + tag)), id, "threads",
                        "select count(*) from thread_participant where tenant_id = 'demo' and agent_id = any(?)",
                        List.of("agent-" + tag), 1, true));

        int fiveHundreds = 0;
        int failedCreates = 0;
        for (Create c : creates) {
            List<Http.Reply> replies = fire(http, c.call());
            Map<Integer, Integer> statuses = new TreeMap<>();
            Set<String> results = new LinkedHashSet<>();
            for (Http.Reply r : replies) {
                statuses.merge(r.status(), 1, Integer::sum);
                results.add(r.ok() ? "ok " + c.result().apply(r.json()) : "status " + r.status());
                if (r.status() == 500) {
                    fiveHundreds++;
                }
                if (r.status() >= 500 || !r.answered()) {
                    ctx.log().line(name(), c.name() + ": " + c.call().describe() + " -> " + r.describe());
                }
            }
            long rows = ctx.database().count(c.database(), c.countSql(), c.keys());
            boolean met = c.oneCreatedRestConflict()
                    ? statuses.getOrDefault(201, 0) == 1 && statuses.getOrDefault(409, 0) == COPIES - 1
                    : results.size() == 1 && results.iterator().next().startsWith("ok");
            met &= rows == c.rows();
            if (!met) {
                failedCreates++;
                ctx.table().note(title(), c.name() + ": " + answers(statuses) + ", " + results.size()
                        + " distinct results, " + rows(rows) + " (want " + c.rows() + "); request `"
                        + Text.head(c.call().describe(), 250) + "`");
            }
            ctx.table().add(title(), c.name(), answers(statuses) + "; " + results.size() + " distinct; " + rows(rows),
                    (c.oneCreatedRestConflict() ? "1× 201, 15× 409; " : "1 distinct; ") + rows(c.rows()), met);
            ctx.log().line(name(), c.name() + ": " + answers(statuses) + ", results " + results + ", rows " + rows);
        }
        ctx.table().add(title(), "500 answers, all creates", fiveHundreds, "0", fiveHundreds == 0);
        ctx.table().add(title(), "creates with more than one result or a wrong row count", failedCreates, "0",
                failedCreates == 0);
    }

    private static String rows(long n) {
        return n + (n == 1 ? " row" : " rows");
    }

    private static Http.Call keyed(Http.Call call, String key) {
        return call.header("Idempotency-Key", key);
    }

    /** Sends {@code COPIES} copies of {@code call} at the same moment. */
    private static List<Http.Reply> fire(Http http, Http.Call call) throws InterruptedException {
        CyclicBarrier gate = new CyclicBarrier(COPIES);
        Http.Reply[] replies = new Http.Reply[COPIES];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    gate.await();
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
                replies[n] = http.send(call);
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return List.of(replies);
    }

    private static String answers(Map<Integer, Integer> statuses) {
        List<String> parts = new ArrayList<>();
        statuses.forEach((status, n) -> parts.add(n + "× " + (status < 0 ? "no answer" : status)));
        return String.join(", ", parts);
    }
}
