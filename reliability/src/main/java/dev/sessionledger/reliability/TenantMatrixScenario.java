package dev.sessionledger.reliability;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sessionledger.reliability.Endpoints.Endpoint;

/** Scenario 6: tenant other and demo's member on every endpoint with demo's ids; target nothing seen or changed. */
public final class TenantMatrixScenario extends Scenario {

    private static final String DEMO_TAG = "tm-demo";
    private static final Pattern DOWNLOAD = Pattern.compile("https?://[^\"]*(/downloads/realtime/[^\"\\s]+)");

    /** Each table of demo's data, by database, with the column that identifies a row. */
    private static final List<String[]> TABLES = List.of(
            new String[] {"sessions", "mcp_session", "id"}, new String[] {"sessions", "mcp_connection", "id"},
            new String[] {"sessions", "mcp_participant", "id"}, new String[] {"sessions", "mcp_session_provider", "id"},
            new String[] {"sessions", "mcp_provider_run", "id"}, new String[] {"sessions", "rtk_session", "id"},
            new String[] {"sessions", "rtk_participant", "id"}, new String[] {"sessions", "rtk_peer_event", "id"},
            new String[] {"sessions", "rtk_peer_report", "peer_id"}, new String[] {"sessions", "rtk_chat_message", "id"},
            new String[] {"sessions", "rtk_transcript_segment", "id"}, new String[] {"sessions", "rtk_summary", "session_id"},
            new String[] {"messages", "session_message", "id"}, new String[] {"threads", "thread", "id"},
            new String[] {"threads", "thread_participant", "id"});

    /** What the probes found: demo's rows seen (and in how many answers), writes acknowledged, an example each. */
    private static final class Findings {
        int requests;
        int seen;
        int shown;
        int writesAcknowledged;
        final List<String> examples = new ArrayList<>();

        void example(String text) {
            if (examples.size() < 6) {
                examples.add(text);
            }
        }
    }

    public TenantMatrixScenario() {
        super("tenants", "6. Tenant matrix", false);
    }

    @Override
    public void run(Context ctx) throws Exception {
        Random random = ctx.random(this);
        Http http = ctx.gateway();
        DemoData.Fixture demo = DemoData.create(http, ctx.admin(), "demo", random, DEMO_TAG);
        Set<String> secrets = new LinkedHashSet<>(demo.allIds());
        secrets.add(DEMO_TAG);
        Map<String, String> before = snapshot(ctx.database());
        // The detector's control: demo's own reads of its objects must show them, or "nothing seen" means nothing.
        Findings control = new Findings();
        int controlReads = 0;
        for (Endpoint e : Endpoints.ALL) {
            if (e.read() && !e.placeholders().isEmpty() && !e.template().startsWith("/downloads/")) {
                controlReads++;
                probe(ctx, call(e, demo, "demo", ctx.admin(), random), false, secrets, control);
            }
        }

        Findings other = new Findings();
        for (Endpoint e : Endpoints.ALL) {
            if (e.template().startsWith("/downloads/")) {
                continue;
            }
            for (String account : e.realtime() ? List.of("other", "demo") : List.of("other")) {
                Http.Call call = call(e, demo, account, ctx.other(), random);
                probe(ctx, call, !e.read() && intoDemo(e, account), secrets, other);
            }
        }
        for (Http.Call call : filterProbes(demo, ctx.other())) {
            probe(ctx, call, false, secrets, other);
        }
        List<String> collisions = collisions(ctx, demo, random, secrets, other);

        Findings member = new Findings();
        for (Endpoint e : Endpoints.ALL) {
            if (e.template().startsWith("/api/") && !e.template().equals("/api/threads")) {
                probe(ctx, call(e, demo, "demo", ctx.member(), random), !e.read(), secrets, member);
            }
        }
        probe(ctx, Http.Call.of("GET", "/api/thread-participants?thread_id=" + demo.id("thread") + "&ids="
                + demo.id("tp"), ctx.member()), false, secrets, member);

        Map<String, String> after = snapshot(ctx.database());
        List<String> changed = changes(before, after);
        changed.forEach(c -> ctx.log().line(name(), "demo row changed: " + Text.head(c, 400)));
        List<String> followUps = followUps(http, demo, ctx.admin());

        String s = title();
        ResultsTable table = ctx.table();
        table.info(s, "requests as tenant other / as demo's member", other.requests + " / " + member.requests);
        table.add(s, "control: demo's own reads by id that show its rows", control.shown + " of " + controlReads,
                controlReads + " of " + controlReads, control.shown == controlReads);
        table.add(s, "rows of demo seen by tenant other", other.seen, "0", other.seen == 0);
        table.add(s, "writes of tenant other into demo's objects acknowledged", other.writesAcknowledged, "0",
                other.writesAcknowledged == 0);
        table.add(s, "rows of demo changed (SQL, before against after)", changed.size(), "0", changed.isEmpty());
        table.add(s, "rows seen / writes acknowledged for demo's member outside its threads",
                member.seen + " / " + member.writesAcknowledged, "0 / 0", member.seen == 0 && member.writesAcknowledged == 0);
        table.info(s, "tenant other reusing demo's RealtimeKit ids in its own account", String.join(", ", collisions));
        table.add(s, "demo's own writes afterwards that failed (leave, peer report, summary, end)", followUps.size(),
                "0", followUps.isEmpty());
        other.examples.forEach(x -> table.note(s, "tenant other: " + x));
        member.examples.forEach(x -> table.note(s, "demo's member: " + x));
        if (!changed.isEmpty()) {
            table.note(s, changed.size() + " rows of demo changed, e.g. " + Text.head(changed.get(0), 300));
        }
        followUps.forEach(f -> table.note(s, "demo could not " + f));
    }

    /** Whether a write names demo's objects or account; a create of other's own, in its own account, does not. */
    private static boolean intoDemo(Endpoint e, String account) {
        return (e.realtime() && account.equals("demo")) || !e.placeholders().isEmpty()
                || e.template().equals("/api/thread-participants");
    }

    private static Http.Call call(Endpoint e, DemoData.Fixture demo, String account, String token, Random random) {
        String path = e.path(demo, account);
        return e.body()
                ? Http.Call.json(e.method(), path, token, Endpoints.validBody(e, demo, random, "tm-probe"))
                : Http.Call.of(e.method(), path, token);
    }

    /** Lists narrowed by demo's ids: they must come back empty for another tenant. */
    private static List<Http.Call> filterProbes(DemoData.Fixture demo, String token) {
        String meetings = DemoData.Fixture.meetings("other");
        List<String> paths = List.of(
                "/sessions?after=" + demo.id("ses") + "&order=desc", "/sessions?limit=100",
                "/session-participants?session_id=" + demo.id("ses"), "/session-participants?id=" + demo.id("spt"),
                "/session-participants?session_connection_id=" + demo.id("sco"),
                "/session-participants?session_message_id=" + demo.id("smg"),
                "/session-participants?type%5B0%5D=mcp_client&type%5B1%5D=provider&limit=100",
                "/sessions/" + demo.id("ses") + "/messages?server_session_id=" + demo.id("spr"),
                "/sessions/" + demo.id("ses") + "/messages?provider_run_id=" + demo.id("srr"),
                "/sessions/" + demo.id("ses") + "/messages?after=" + demo.id("smg"),
                meetings + "?search=" + DEMO_TAG, meetings + "?associated_id=rel-meeting&per_page=100",
                meetings + "?search=" + demo.id("rs"),
                "/api/thread-participants?limit=100", "/api/thread-participants?thread_id=" + demo.id("thread"),
                "/api/thread-participants?ids=" + demo.id("tp"),
                "/api/thread-participants?filter=" + Http.encode("{\"threadId\":{\"eq\":\"" + demo.id("thread") + "\"}}"),
                "/api/thread-participants?agent_id=agent-" + DEMO_TAG);
        return paths.stream().map(p -> Http.Call.of("GET", p, token)).toList();
    }

    /**
     * Tenant other starts a meeting with demo's meeting id in its own account, lets a peer with demo's
     * peer id join it, and writes chat, transcript, report and summary there: all its own, so they may
     * succeed, but what it reads back must be its own and demo's rows must not move.
     */
    private List<String> collisions(Context ctx, DemoData.Fixture demo, Random random, Set<String> secrets,
            Findings findings) {
        String base = DemoData.Fixture.meetings("other");
        String meeting = base + "/" + demo.id("rs");
        String token = ctx.other();
        Map<String, Http.Call> steps = new java.util.LinkedHashMap<>();
        steps.put("start", Http.Call.json("POST", base, token, Bodies.meeting(demo.id("rs"), "tm-other")));
        steps.put("join", Http.Call.json("POST", meeting + "/participants", token, Bodies.join(demo.id("peer"),
                "tm-other")));
        steps.put("chat", Http.Call.json("POST", meeting + "/chat", token, Bodies.chat(demo.id("peer"), "tm-other",
                demo.id("chat"))));
        steps.put("transcript", Http.Call.json("POST", meeting + "/transcript", token,
                Bodies.transcript(demo.id("peer"), demo.id("segment"))));
        steps.put("peer report", Http.Call.json("PUT", base + "/peer-report/" + demo.id("peer"), token,
                Bodies.peerReport("tm-other")));
        steps.put("summary", Http.Call.of("POST", meeting + "/summary", token));
        List<String> outcome = new ArrayList<>();
        for (Map.Entry<String, Http.Call> step : steps.entrySet()) {
            Http.Reply reply = ctx.gateway().send(step.getValue());
            outcome.add(step.getKey() + " " + reply.status());
            findings.requests++;
            ctx.log().line(name(), "collision " + step.getKey() + ": " + step.getValue().describe() + " -> "
                    + reply.describe());
        }
        // What other reads back in its own account must be its own: nothing that carries demo's tag.
        Set<String> demoOnly = Set.of(DEMO_TAG);
        for (String path : List.of(meeting, meeting + "/participants", meeting + "/participants/" + demo.id("peer"),
                base + "/peer-report/" + demo.id("peer"), meeting + "/chat", meeting + "/transcript?format=JSON",
                meeting + "/summary?format=markdown")) {
            probe(ctx, Http.Call.of("GET", path, token), false, demoOnly, findings);
        }
        for (String path : List.of(meeting + "/participants/" + demo.id("peer") + "/leave", meeting + "/end")) {
            Http.Reply reply = ctx.gateway().send(Http.Call.json("POST", path, token, Json.object()));
            outcome.add(path.substring(path.lastIndexOf('/') + 1) + " " + reply.status());
            findings.requests++;
        }
        return outcome;
    }

    /** Sends a probe: a 2xx that shows any of demo's ids or tag is a row seen; a 2xx write is a write acknowledged. */
    private void probe(Context ctx, Http.Call call, boolean write, Set<String> secrets, Findings findings) {
        Http.Reply reply = ctx.gateway().send(call);
        findings.requests++;
        ctx.log().line(name(), call.describe() + " -> " + reply.describe());
        if (!reply.ok()) {
            return;
        }
        String body = reply.text();
        int shown = countSecrets(body, secrets);
        Matcher link = DOWNLOAD.matcher(body);
        while (link.find()) {
            Http.Reply download = ctx.gateway().send(Http.Call.of("GET", link.group(1), null));
            if (download.ok()) {
                shown += countSecrets(download.text(), secrets);
            }
        }
        if (shown > 0) {
            findings.shown++;
            findings.seen += shown;
            findings.example(shown + " of demo's ids or tag in the answer to `" + Text.head(call.describe(), 200)
                    + "` -> " + Text.head(reply.describe(), 200));
        }
        if (write) {
            findings.writesAcknowledged++;
            findings.example("write acknowledged: `" + Text.head(call.describe(), 200) + "` -> "
                    + Text.head(reply.describe(), 200));
        }
    }

    private static int countSecrets(String text, Set<String> secrets) {
        int n = 0;
        for (String secret : secrets) {
            if (text.contains(secret)) {
                n++;
            }
        }
        return n;
    }

    /** Every row of tenant demo, keyed by table and id, as its text. */
    private static Map<String, String> snapshot(Database database) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        for (String[] t : TABLES) {
            for (List<String> row : database.rows(t[0], "select " + t[2] + "::text, t::text from " + t[1]
                    + " t where tenant_id = 'demo'")) {
                rows.put(t[1] + " " + row.get(0), row.get(1));
            }
        }
        return rows;
    }

    private static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((key, row) -> {
            String now = after.get(key);
            if (now == null) {
                changed.add(key + " removed: " + row);
            } else if (!now.equals(row)) {
                changed.add(key + " was " + row + ", is " + now);
            }
        });
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> changed.add(k + " added: " + after.get(k)));
        return changed;
    }

    /** Demo finishes its meeting: the peer leaves, its report is updated, the summary made, the meeting ended. */
    private static List<String> followUps(Http http, DemoData.Fixture demo, String token) {
        String meeting = demo.meetings() + "/" + demo.id("rs");
        Map<String, Http.Call> steps = new java.util.LinkedHashMap<>();
        steps.put("leave its peer", Http.Call.json("POST", meeting + "/participants/" + demo.id("peer") + "/leave",
                token, Json.object()));
        steps.put("update its peer report", Http.Call.json("PUT", demo.meetings() + "/peer-report/" + demo.id("peer"),
                token, Bodies.peerReport(DEMO_TAG + "-after")));
        steps.put("summarize", Http.Call.of("POST", meeting + "/summary", token));
        steps.put("end its meeting", Http.Call.json("POST", meeting + "/end", token, Json.object()));
        List<String> failed = new ArrayList<>();
        steps.forEach((what, call) -> {
            Http.Reply reply = http.send(call);
            if (!reply.ok()) {
                failed.add(what + ": `" + call.describe() + "` -> " + reply.describe());
            }
        });
        return failed;
    }
}
