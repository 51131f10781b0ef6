package dev.sessionledger.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every endpoint of the README's tables, as a template for a fixture's ids, with valid bodies and query values. */
public final class Endpoints {

    /**
     * One endpoint. {@code template} names ids in braces ({@code {ses}}, {@code {rs}} ...) and
     * {@code {meetings}} for the RealtimeKit base of an account; {@code body} says whether it reads a
     * JSON body; {@code destructive} ones end or remove what they name.
     */
    public record Endpoint(String method, String template, List<String> parameters, boolean body, boolean destructive) {

        public String name() {
            return method + " " + template;
        }

        public boolean read() {
            return method.equals("GET");
        }

        public boolean realtime() {
            return template.startsWith("{meetings}");
        }

        /** The path with every id taken from {@code fixture}; RealtimeKit paths under {@code account}. */
        public String path(DemoData.Fixture fixture, String account) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                String value = name.equals("meetings") ? DemoData.Fixture.meetings(account) : fixture.id(name);
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The ids this path names, in order. */
        public List<String> placeholders() {
            List<String> names = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                if (!m.group(1).equals("meetings")) {
                    names.add(m.group(1));
                }
            }
            return names;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final List<String> METORIAL_PAGING = List.of("limit", "order", "after", "before", "cursor");

    public static final List<Endpoint> ALL = List.of(
            // MCP sessions and participants (Metorial)
            get("/sessions", METORIAL_PAGING),
            write("POST", "/sessions"),
            get("/sessions/{ses}", List.of()),
            destructive("/sessions/{ses}/end", false),
            write("POST", "/sessions/{ses}/connections"),
            destructive("/sessions/{ses}/connections/{sco}/disconnect", false),
            write("POST", "/sessions/{ses}/providers"),
            get("/sessions/{ses}/providers/{spr}", List.of()),
            new Endpoint("POST", "/sessions/{ses}/providers/{spr}/runs", List.of(), false, false),
            destructive("/sessions/{ses}/providers/{spr}/runs/{srr}/stop", false),
            get("/session-participants", concat(METORIAL_PAGING, List.of("type", "id", "session_id",
                    "session_connection_id", "session_message_id", "created_at", "updated_at"))),
            get("/session-participants/{spt}", List.of()),
            // MCP session messages (Metorial)
            write("POST", "/sessions/{ses}/messages"),
            get("/sessions/{ses}/messages", concat(METORIAL_PAGING, List.of("type", "session_provider_id",
                    "server_session_id", "provider_run_id", "server_run_id"))),
            get("/sessions/{ses}/messages/{smg}", List.of()),
            // Meeting sessions (RealtimeKit)
            get("{meetings}", List.of("associated_id", "status", "start_time", "end_time", "search", "participants",
                    "page_no", "per_page", "sort_by", "sort_order")),
            write("POST", "{meetings}"),
            get("{meetings}/{rs}", List.of("include_breakout_rooms")),
            destructive("{meetings}/{rs}/end", true),
            get("{meetings}/{rs}/participants", List.of("search", "page_no", "per_page", "sort_by", "sort_order",
                    "include_peer_events", "view")),
            write("POST", "{meetings}/{rs}/participants"),
            get("{meetings}/{rs}/participants/{peer}", List.of("include_peer_events")),
            destructive("{meetings}/{rs}/participants/{peer}/leave", true),
            get("{meetings}/{rs}/chat", List.of()),
            write("POST", "{meetings}/{rs}/chat"),
            get("{meetings}/{rs}/transcript", List.of("format")),
            write("POST", "{meetings}/{rs}/transcript"),
            get("{meetings}/{rs}/summary", List.of("format")),
            new Endpoint("POST", "{meetings}/{rs}/summary", List.of(), false, false),
            get("{meetings}/peer-report/{peer}", List.of("filters", "include_peer_events")),
            write("PUT", "{meetings}/peer-report/{peer}"),
            get("/downloads/realtime/{download}", List.of()),
            // Threads
            write("POST", "/api/threads"),
            get("/api/threads/{thread}", List.of()),
            get("/api/thread-participants", List.of("limit", "after", "before", "ids", "filter", "orderBy",
                    "thread_id", "user_id", "agent_id", "swarm_id", "last_read_message_id")),
            write("POST", "/api/thread-participants"),
            get("/api/thread-participants/{tp}", List.of()),
            write("PATCH", "/api/thread-participants/{tp}"),
            new Endpoint("DELETE", "/api/thread-participants/{tp}", List.of(), false, true));

    private Endpoints() {
    }

    private static Endpoint get(String template, List<String> parameters) {
        return new Endpoint("GET", template, parameters, false, false);
    }

    private static Endpoint write(String method, String template) {
        return new Endpoint(method, template, List.of(), true, false);
    }

    private static Endpoint destructive(String template, boolean body) {
        return new Endpoint("POST", template, List.of(), body, true);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** A valid body for a write of {@code e} on {@code fixture}; new client-chosen ids come from {@code random}. */
    public static ObjectNode validBody(Endpoint e, DemoData.Fixture f, Random random, String marker) {
        String t = e.template();
        return switch (t) {
            case "/sessions" -> Bodies.session(marker);
            case "/sessions/{ses}/connections" -> Bodies.connection(marker);
            case "/sessions/{ses}/providers" -> Bodies.provider(marker);
            case "/sessions/{ses}/messages" -> Bodies.messages(f.id("spr"), f.id("srr"), marker, 2);
            case "{meetings}" -> Bodies.meeting(DemoData.uuid(random), marker);
            case "{meetings}/{rs}/end" -> Json.object();
            case "{meetings}/{rs}/participants" -> Bodies.join(DemoData.uuid(random), marker);
            case "{meetings}/{rs}/participants/{peer}/leave" -> Json.object();
            case "{meetings}/{rs}/chat" -> Bodies.chat(f.id("peer"), marker, DemoData.uuid(random));
            case "{meetings}/{rs}/transcript" -> Bodies.transcript(f.id("peer"), DemoData.uuid(random));
            case "{meetings}/peer-report/{peer}" -> Bodies.peerReport(marker);
            case "/api/threads" -> Bodies.thread(marker);
            case "/api/thread-participants" -> Bodies.threadParticipant(f.id("thread"), "agent-" + marker);
            case "/api/thread-participants/{tp}" -> Bodies.participantUpdate("msg-" + marker);
            default -> null;
        };
    }

    /** A valid value of a query parameter of {@code e}, as (name, value); the range filters come with their operator. */
    public static Map.Entry<String, String> validParameter(Endpoint e, String parameter, DemoData.Fixture f) {
        String t = e.template();
        String value = switch (parameter) {
            case "limit", "per_page" -> "5";
            case "order" -> "desc";
            case "after", "before" -> switch (t) {
                case "/sessions" -> f.id("ses");
                case "/session-participants" -> f.id("spt");
                case "/sessions/{ses}/messages" -> f.id("smg");
                default -> null;
            };
            case "cursor" -> null;
            case "type" -> t.equals("/session-participants") ? "mcp_client" : "request";
            case "id" -> f.id("spt");
            case "session_id" -> f.id("ses");
            case "session_connection_id" -> f.id("sco");
            case "session_message_id" -> f.id("smg");
            case "session_provider_id", "server_session_id" -> f.id("spr");
            case "provider_run_id", "server_run_id" -> f.id("srr");
            case "associated_id" -> "rel-meeting";
            case "status" -> "LIVE";
            case "start_time" -> "2020-01-01T00:00:00Z";
            case "end_time" -> "2999-01-01T00:00:00Z";
            case "search" -> t.endsWith("participants") ? "Peer" : "Fault";
            case "participants" -> "0:10";
            case "page_no" -> "1";
            case "sort_by" -> t.endsWith("participants") ? "duration" : "minutesConsumed";
            case "sort_order" -> "DESC";
            case "include_breakout_rooms", "include_peer_events" -> "true";
            case "view" -> "consolidated";
            case "format" -> t.endsWith("transcript") ? "VTT" : "markdown";
            case "filters" -> "device_info,quality_stats";
            case "ids" -> f.id("tp");
            case "filter" -> "{\"agentId\":{\"isNull\":false}}";
            case "orderBy" -> "[{\"joinedAt\":\"desc_nulls_last\"},{\"displayName\":\"asc\"}]";
            case "thread_id" -> f.id("thread");
            case "user_id" -> "demo-admin";
            case "agent_id" -> "agent-x";
            case "swarm_id" -> "swarm-1";
            case "last_read_message_id" -> "msg-1";
            default -> null;
        };
        if (parameter.equals("created_at") || parameter.equals("updated_at")) {
            return Map.entry(parameter + "[gte]", "2020-01-01T00:00:00Z");
        }
        return value == null ? null : Map.entry(parameter, value);
    }
}
