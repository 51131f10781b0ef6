package dev.sessionledger.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records demo data through the public write APIs, as a user's own code would: two MCP sessions
 * (paired calls, a slow one, a failed one, notifications, a server-to-client request, a call left
 * unanswered), two meetings (one ended, one live) with chat and transcript, and two threads, one of
 * which the demo member is not in. Run by {@code deploy/local/record-demo.sh}; the console's browser
 * tests record the same.
 */
public final class DemoRecording {

    /** The RealtimeKit app the demo meetings belong to: the console's default app. */
    public static final String APP = "default";

    /** What was recorded, by id. */
    public record Recorded(String mcpSession, String endedMcpSession, String meeting, String liveMeeting,
            String thread, String privateThread, List<String> meetingPeers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String tenant;
    private final String adminToken;
    private final String memberSubject;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    public DemoRecording(String base, String tenant, String adminToken, String memberSubject) {
        this.base = base;
        this.tenant = tenant;
        this.adminToken = adminToken;
        this.memberSubject = memberSubject;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String data = System.getenv().getOrDefault("LOCAL_DATA_DIR", ".local");
        String port = System.getenv().getOrDefault("GATEWAY_PORT", "8080");
        Map<String, String> tokens = readTokens(Path.of(data, "tokens.env"));
        String base = "http://localhost:" + port;
        Recorded recorded = new DemoRecording(base, "demo", tokens.get("ADMIN_TOKEN"), "demo-member").record();
        System.out.println("Recorded demo data:");
        System.out.println("  MCP sessions   " + base + "/console/#/mcp/" + recorded.mcpSession() + "  and "
                + recorded.endedMcpSession());
        System.out.println("  meetings       " + base + "/console/#/meetings/" + APP + "/" + recorded.meeting()
                + "  and " + recorded.liveMeeting() + " (live)");
        System.out.println("  threads        " + base + "/console/#/threads?thread_id=" + recorded.thread()
                + "  (demo-member takes part) and " + recorded.privateThread() + " (demo-member does not)");
    }

    /** The tokens file the stack writes for its users, read as they would source it. */
    static Map<String, String> readTokens(Path file) throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                tokens.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return tokens;
    }

    public Recorded record() throws IOException, InterruptedException {
        String open = mcpSession("Claude Desktop", "claude-desktop", "1.4.2", false);
        String ended = mcpSession("MCP Inspector", "mcp-inspector", "0.16.1", true);
        List<String> peers = new ArrayList<>();
        String meeting = meeting("weekly-sync", "Weekly sync", true, peers);
        String live = meeting("support-desk", "Support desk", false, new ArrayList<>());
        String thread = thread("Launch plan", true);
        String privateThread = thread("Incident review", false);
        return new Recorded(open, ended, meeting, live, thread, privateThread, peers);
    }

    private String mcpSession(String title, String name, String version, boolean end) throws IOException, InterruptedException {
        String session = post("/sessions", Map.of("metadata", Map.of("agent", "research-assistant", "demo", true))).path("id").asText();
        JsonNode connection = post("/sessions/" + session + "/connections", Map.of("transport", "streamable_http",
                "initialize", Map.of("method", "initialize", "params", Map.of("protocolVersion", "2025-06-18",
                        "clientInfo", Map.of("name", name, "title", title, "version", version)))));
        String client = connection.path("participant_id").asText();
        String server = post("/sessions/" + session + "/providers",
                Map.of("provider_id", "pro_everything", "name", "Everything server")).path("id").asText();
        Instant t = now.minus(end ? 50 : 5, ChronoUnit.MINUTES);
        List<Map<String, Object>> messages = new ArrayList<>();
        Calls calls = new Calls(messages, client, server, t);
        calls.request(0, 1, "initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", name, "title", title, "version", version)));
        calls.result(42, 1, Map.of("protocolVersion", "2025-06-18", "serverInfo", Map.of("name", "everything", "version", "2.0.0"),
                "capabilities", Map.of("tools", Map.of(), "resources", Map.of())));
        calls.notification(50, "client", "notifications/initialized", Map.of());
        calls.request(80, 2, "tools/list", Map.of());
        calls.result(95, 2, Map.of("tools", List.of(Map.of("name", "echo"), Map.of("name", "longRunningOperation"))));
        calls.request(200, 3, "tools/call", Map.of("name", "echo", "arguments", Map.of("message", "hello")));
        calls.result(260, 3, Map.of("content", List.of(Map.of("type", "text", "text", "Echo: hello"))));
        calls.request(400, 4, "tools/call", Map.of("name", "longRunningOperation", "arguments", Map.of("duration", 2, "steps", 2),
                "_meta", Map.of("progressToken", "op-4")));
        calls.notification(1400, "server", "notifications/progress", Map.of("progressToken", "op-4", "progress", 1, "total", 2));
        calls.result(2410, 4, Map.of("content", List.of(Map.of("type", "text", "text", "Long running operation completed."))));
        calls.serverRequest(2500, "srv-1", "sampling/createMessage", Map.of("maxTokens", 64,
                "messages", List.of(Map.of("role", "user", "content", Map.of("type", "text", "text", "Summarize the weather")))));
        calls.clientResult(3900, "srv-1", Map.of("role", "assistant", "model", "demo-model",
                "content", Map.of("type", "text", "text", "Mild and dry.")));
        calls.request(4100, 5, "tools/call", Map.of("name", "getWeather", "arguments", Map.of("city", "Oslo")));
        calls.error(4130, 5, -32602, "Unknown tool: getWeather");
        calls.request(4300, 6, "resources/read", Map.of("uri", "test://static/resource/1"));
        calls.result(4345, 6, Map.of("contents", List.of(Map.of("uri", "test://static/resource/1", "text", "Resource 1"))));
        if (!end) {
            calls.request(5000, 7, "ping", Map.of());
        }
        post("/sessions/" + session + "/messages", Map.of("messages", messages));
        if (end) {
            post("/sessions/" + session + "/end", Map.of());
        }
        return session;
    }

    /** JSON-RPC messages of one client and one server session, timed from a start. */
    private record Calls(List<Map<String, Object>> messages, String client, String server, Instant start) {

        void request(long ms, Object id, String method, Object params) {
            add(ms, "client", Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
        }

        void serverRequest(long ms, Object id, String method, Object params) {
            add(ms, "server", Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params));
        }

        void notification(long ms, String side, String method, Object params) {
            add(ms, side, Map.of("jsonrpc", "2.0", "method", method, "params", params));
        }

        void result(long ms, Object id, Object result) {
            add(ms, "server", Map.of("jsonrpc", "2.0", "id", id, "result", result));
        }

        void clientResult(long ms, Object id, Object result) {
            add(ms, "client", Map.of("jsonrpc", "2.0", "id", id, "result", result));
        }

        void error(long ms, Object id, int code, String message) {
            add(ms, "server", Map.of("jsonrpc", "2.0", "id", id, "error", Map.of("code", code, "message", message)));
        }

        private void add(long ms, String side, Map<String, Object> payload) {
            messages.add(Map.of("payload", payload,
                    "sender", Map.of("type", side, "id", "client".equals(side) ? client : server),
                    "server_session_id", server, "created_at", start.plusMillis(ms).toString()));
        }
    }

    private String meeting(String meetingId, String title, boolean end, List<String> peers) throws IOException, InterruptedException {
        String app = "/accounts/" + tenant + "/realtime/kit/" + APP;
        Instant start = now.minus(end ? 45 : 12, ChronoUnit.MINUTES);
        String session = post(app + "/sessions", Map.of("associated_id", meetingId, "meeting_display_name", title,
                "started_at", start.toString())).path("data").path("id").asText();
        String path = app + "/sessions/" + session;
        String[][] people = end
                ? new String[][] { { "Ada Lovelace", "0", "40" }, { "Grace Hopper", "2", "35" }, { "Linus Torvalds", "10", "22" },
                        { "Margaret Hamilton", "25", "" } }
                : new String[][] { { "Alan Turing", "0", "" }, { "Barbara Liskov", "4", "" } };
        for (String[] person : people) {
            JsonNode peer = post(path + "/participants", Map.of("display_name", person[0],
                    "user_id", person[0].toLowerCase().replace(' ', '.'), "preset_name", "participant",
                    "joined_at", start.plus(Long.parseLong(person[1]), ChronoUnit.MINUTES).toString()));
            peers.add(peer.path("data").path("participant").path("id").asText());
            if (!person[2].isEmpty()) {
                post(path + "/participants/" + peers.get(peers.size() - 1) + "/leave",
                        Map.of("left_at", start.plus(Long.parseLong(person[2]), ChronoUnit.MINUTES).toString()));
            }
        }
        if (!end) {
            return session;
        }
        post(path + "/chat", Map.of("messages", List.of(
                Map.of("participant_id", peers.get(0), "payload", "Agenda: the launch date, then the on-call rota."),
                Map.of("participant_id", peers.get(1), "payload", "I moved the rota doc into the thread.", "pinned", true),
                Map.of("participant_id", peers.get(2), "payload", "Dropping off early, notes by mail."),
                Map.of("participant_id", peers.get(3), "payload", "+1 for mid-March"))));
        post(path + "/transcript", Map.of("segments", List.of(
                segment(peers.get(0), 1, "Welcome everyone. First, the launch date."),
                segment(peers.get(0), 6, "We had planned the first of March."),
                segment(peers.get(1), 12, "Testing needs two more weeks, so I would move it to mid-March."),
                segment(peers.get(2), 20, "The kernel side is ready; I agree with mid-March."),
                segment(peers.get(0), 30, "Then mid-March it is. Next, the on-call rota."),
                segment(peers.get(3), 1600, "I can take the first week of on-call after launch."))));
        post(path + "/end", Map.of("ended_at", start.plus(42, ChronoUnit.MINUTES).toString()));
        return session;
    }

    private static Map<String, Object> segment(String peer, long startSeconds, String text) {
        return Map.of("participant_id", peer, "start_ms", startSeconds * 1000, "end_ms", startSeconds * 1000 + 4000, "text", text);
    }

    private String thread(String title, boolean withMember) throws IOException, InterruptedException {
        String thread = post("/api/threads", Map.of("title", title)).path("id").asText();
        List<Map<String, Object>> people = new ArrayList<>();
        if (withMember) {
            people.add(Map.of("userId", memberSubject, "displayName", "Demo Member"));
        }
        for (String name : List.of("Ada", "Grace", "Linus", "Margaret", "Alan")) {
            people.add(Map.of("userId", name.toLowerCase(), "displayName", name));
        }
        people.add(Map.of("agentId", "planner-bot", "displayName", "Planner bot"));
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> person : people) {
            Map<String, Object> body = new LinkedHashMap<>(person);
            body.put("threadId", thread);
            ids.add(post("/api/thread-participants", body).path("id").asText());
        }
        // Some have read up to a message, the rest have not read the thread yet.
        for (int i = 0; i < ids.size(); i += 2) {
            send("PATCH", "/api/thread-participants/" + ids.get(i), Map.of("lastReadMessageId", "msg-" + (10 + i)));
        }
        return thread;
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length == 0 ? JSON.missingNode() : JSON.readTree(response.body());
    }
}
