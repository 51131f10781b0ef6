package dev.sessionledger.reliability;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Objects of every kind made through the API for one tenant, which scenarios use as parents and targets. */
public final class DemoData {

    /** The app every RealtimeKit object of the suite lives in. */
    public static final String APP = "rel-app";

    /** The ids of one set of objects, by name: ses, sco, spt, spr, srr, smg, rs, peer, chat, segment, download, thread, tp. */
    public record Fixture(String tenant, Map<String, String> ids) {

        public String id(String name) {
            String id = ids.get(name);
            if (id == null) {
                throw new IllegalArgumentException("This fixture has no " + name);
            }
            return id;
        }

        public Collection<String> allIds() {
            return ids.values();
        }

        /** {@code /accounts/<tenant>/realtime/kit/rel-app/sessions}. */
        public String meetings() {
            return meetings(tenant);
        }

        public static String meetings(String account) {
            return "/accounts/" + account + "/realtime/kit/" + APP + "/sessions";
        }
    }

    /** Thrown when the API refuses to make what a scenario needs; the scenario cannot measure then. */
    public static final class SetupFailure extends RuntimeException {
        public SetupFailure(String what, Http.Call call, Http.Reply reply) {
            super(what + " failed: " + call.describe() + " -> " + reply.describe());
        }
    }

    private DemoData() {
    }

    /** A random version-4 UUID drawn from {@code random}, so that a seed replays the same ids. */
    public static String uuid(Random random) {
        long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Sends {@code call} and returns its JSON answer, or fails naming what could not be made. */
    public static JsonNode require(Http http, String what, Http.Call call) {
        Http.Reply reply = http.send(call);
        if (!reply.ok()) {
            throw new SetupFailure(what, call, reply);
        }
        return reply.json();
    }

    /** An MCP session with a provider and a run: the parent of recorded messages. */
    public static Map<String, String> mcpSession(Http http, String token, String tag) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("ses", require(http, "MCP session", Http.Call.json("POST", "/sessions", token, Bodies.session(tag))).path("id").asText());
        String ses = ids.get("ses");
        JsonNode provider = require(http, "provider", Http.Call.json("POST", "/sessions/" + ses + "/providers", token,
                Bodies.provider(tag)));
        ids.put("spr", provider.path("id").asText());
        ids.put("spt_provider", provider.path("participant_id").asText());
        ids.put("srr", require(http, "provider run", Http.Call.of("POST", "/sessions/" + ses + "/providers/"
                + ids.get("spr") + "/runs", token)).path("id").asText());
        return ids;
    }

    /** A live RealtimeKit session with one peer inside: the parent of chat and transcript. */
    public static Map<String, String> meeting(Http http, String token, String tenant, Random random, String tag) {
        Map<String, String> ids = new LinkedHashMap<>();
        String base = Fixture.meetings(tenant);
        ids.put("rs", require(http, "RealtimeKit session", Http.Call.json("POST", base, token,
                Bodies.meeting(uuid(random), tag))).path("data").path("id").asText());
        ids.put("peer", require(http, "RealtimeKit peer", Http.Call.json("POST", base + "/" + ids.get("rs")
                + "/participants", token, Bodies.join(uuid(random), tag))).path("data").path("participant").path("id")
                .asText());
        return ids;
    }

    /** One object of every kind for {@code tenant}, made with {@code token} (an administrator of it). */
    public static Fixture create(Http http, String token, String tenant, Random random, String tag) {
        Map<String, String> ids = new LinkedHashMap<>(mcpSession(http, token, tag));
        String ses = ids.get("ses");
        JsonNode connection = require(http, "connection", Http.Call.json("POST", "/sessions/" + ses + "/connections",
                token, Bodies.connection(tag)));
        ids.put("sco", connection.path("id").asText());
        ids.put("spt", connection.path("participant_id").asText());
        JsonNode messages = require(http, "messages", Http.Call.json("POST", "/sessions/" + ses + "/messages", token,
                Bodies.messages(ids.get("spr"), ids.get("srr"), tag, 2)));
        ids.put("smg", messages.path("items").path(0).path("id").asText());
        ids.put("smg_response", messages.path("items").path(1).path("id").asText());

        ids.putAll(meeting(http, token, tenant, random, tag));
        String meeting = Fixture.meetings(tenant) + "/" + ids.get("rs");
        String chat = uuid(random);
        require(http, "chat", Http.Call.json("POST", meeting + "/chat", token, Bodies.chat(ids.get("peer"), tag, chat)));
        ids.put("chat", chat);
        String segment = uuid(random);
        require(http, "transcript", Http.Call.json("POST", meeting + "/transcript", token,
                Bodies.transcript(ids.get("peer"), segment)));
        ids.put("segment", segment);
        require(http, "summary", Http.Call.of("POST", meeting + "/summary", token));
        require(http, "peer report", Http.Call.json("PUT", Fixture.meetings(tenant) + "/peer-report/" + ids.get("peer"),
                token, Bodies.peerReport(tag)));
        String link = require(http, "chat link", Http.Call.of("GET", meeting + "/chat", token)).path("data")
                .path("chat_download_url").asText();
        ids.put("download", link.substring(link.indexOf("/downloads/realtime/") + "/downloads/realtime/".length()));

        JsonNode thread = require(http, "thread", Http.Call.json("POST", "/api/threads", token, Bodies.thread(tag)));
        ids.put("thread", thread.path("id").asText());
        ids.put("tp", require(http, "thread participant", Http.Call.json("POST", "/api/thread-participants", token,
                Bodies.threadParticipant(ids.get("thread"), "agent-" + tag))).path("id").asText());
        return new Fixture(tenant, ids);
    }
}
