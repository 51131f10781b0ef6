package dev.sessionledger.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.sessionledger.reliability.Endpoints.Endpoint;

/** Builds the fuzzer's requests, each from its own random stream of the seed, so that a seed replays them. */
public final class FuzzRequests {

    /** One request: sent with the HTTP client, or as {@code raw} bytes when a client library would refuse it. */
    public record FuzzRequest(int index, Endpoint endpoint, String kind, Http.Call call, byte[] raw, String rawLine) {

        public String describe() {
            return call != null ? call.describe() : Text.head(rawLine, 300);
        }

        /** The method as sent (a mutation may change it) and the endpoint's template, to name a failure class. */
        public String label() {
            String method = call != null ? call.method() : rawLine.substring(0, rawLine.indexOf(' '));
            return method + " " + endpoint.template() + (call == null ? " (raw)" : "");
        }
    }

    /** The mutation classes, each with its weight out of 100. */
    private static final Map<String, Integer> KINDS = weights();
    /** Where a raw literal (a number JSON cannot hold, deep nesting) goes: a string that is replaced, quotes and all. */
    private static final String RAW_TEXT = "__FUZZ_RAW__";
    private static final String RAW = "\"" + RAW_TEXT + "\"";
    private static final int HUGE_EVERY = 200;

    private final DemoData.Fixture main;
    private final DemoData.Fixture sacrificial;
    private final DemoData.Fixture foreign;
    private final Map<String, String> tokens;
    private final String host;
    private final long seed;

    /**
     * @param tokens {@code admin}, {@code member}, {@code other}
     */
    public FuzzRequests(DemoData.Fixture main, DemoData.Fixture sacrificial, DemoData.Fixture foreign,
            Map<String, String> tokens, String host, long seed) {
        this.main = main;
        this.sacrificial = sacrificial;
        this.foreign = foreign;
        this.tokens = tokens;
        this.host = host;
        this.seed = seed;
    }

    private static Map<String, Integer> weights() {
        Map<String, Integer> w = new LinkedHashMap<>();
        w.put("valid", 12);
        w.put("query", 16);
        w.put("query-qs", 6);
        w.put("path-id", 10);
        w.put("path-shape", 3);
        w.put("body-type", 5);
        w.put("body-value", 4);
        w.put("body-number", 4);
        w.put("body-timestamp", 4);
        w.put("body-id", 3);
        w.put("body-nul", 3);
        w.put("body-fields", 2);
        w.put("body-truncated", 3);
        w.put("body-nested", 2);
        w.put("body-shape", 2);
        w.put("body-utf8", 1);
        w.put("body-many", 1);
        w.put("body-huge", 1);
        w.put("content-type", 4);
        w.put("token", 4);
        w.put("header-huge", 3);
        w.put("method", 3);
        w.put("url-long", 2);
        w.put("raw", 2);
        return w;
    }

    /** One valid request per endpoint, on {@code fixture}: the destructive ones last, each after what it would break. */
    public static List<FuzzRequest> coverage(DemoData.Fixture fixture, String admin, Random random) {
        List<FuzzRequest> pass = new ArrayList<>();
        List<Endpoint> destructive = new ArrayList<>();
        for (Endpoint e : Endpoints.ALL) {
            if (e.destructive()) {
                destructive.add(0, e);
            } else {
                pass.add(new FuzzRequest(pass.size(), e, "coverage", valid(e, fixture, admin, random, "cov" + pass.size()),
                        null, null));
            }
        }
        for (Endpoint e : destructive) {
            pass.add(new FuzzRequest(pass.size(), e, "coverage", valid(e, fixture, admin, random, "cov" + pass.size()),
                    null, null));
        }
        return pass;
    }

    private static Http.Call valid(Endpoint e, DemoData.Fixture f, String token, Random r, String marker) {
        String path = e.path(f, f.tenant());
        if (!e.body()) {
            return Http.Call.of(e.method(), path, token);
        }
        return Http.Call.json(e.method(), path, token, Endpoints.validBody(e, f, r, marker));
    }

    /** Request {@code i} of the random part. */
    public FuzzRequest build(int i) {
        Random r = new Random(mix(seed, i));
        Endpoint e = FuzzValues.pick(r, Endpoints.ALL);
        DemoData.Fixture f = e.destructive() ? sacrificial : main;
        String kind = kind(r, e);
        String marker = "fz" + i;
        String token = token(r, e);
        String path = e.path(f, f.tenant());
        Http.Call call = e.body()
                ? Http.Call.json(e.method(), path, token, Endpoints.validBody(e, f, r, marker))
                : Http.Call.of(e.method(), path, token);
        switch (kind) {
            case "valid" -> call = withQuery(call, validQuery(r, e, f));
            case "query" -> call = withQuery(call, hostileQuery(r, e, f));
            case "query-qs" -> call = withQuery(call, qsQuery(r, e, f));
            case "path-id" -> call = withPath(call, badIdPath(r, e, f));
            case "path-shape" -> call = withPath(call, pathShape(r, path));
            case "content-type" -> call = contentType(r, call);
            case "token" -> call = withToken(call, hostileToken(r));
            case "header-huge" -> call = hugeHeader(r, call);
            case "method" -> call = method(r, e, call);
            case "url-long" -> call = longUrl(r, call);
            case "raw" -> {
                return raw(i, r, e, path, token);
            }
            default -> call = body(kind, r, e, f, call, i, marker);
        }
        return new FuzzRequest(i, e, kind, call, null, null);
    }

    private static long mix(long seed, int i) {
        long h = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    private static String kind(Random r, Endpoint e) {
        int roll = r.nextInt(100);
        String kind = "valid";
        for (Map.Entry<String, Integer> w : KINDS.entrySet()) {
            roll -= w.getValue();
            if (roll < 0) {
                kind = w.getKey();
                break;
            }
        }
        if (kind.startsWith("body-") && !e.body()) {
            return e.placeholders().isEmpty() || r.nextBoolean() ? "query" : "path-id";
        }
        if (kind.equals("path-id") && e.placeholders().isEmpty()) {
            return "query";
        }
        return kind;
    }

    /** Mostly the administrator; the thread APIs also as the member, whose access is narrower; now and then another tenant. */
    private String token(Random r, Endpoint e) {
        int roll = r.nextInt(100);
        if (roll < 8 && e.template().startsWith("/api/")) {
            return tokens.get("member");
        }
        if (roll < 12) {
            return tokens.get("other");
        }
        return tokens.get("admin");
    }

    private static Http.Call withQuery(Http.Call call, List<Map.Entry<String, String>> query) {
        return withPath(call, call.path() + Http.query(query));
    }

    private static Http.Call withPath(Http.Call call, String path) {
        return new Http.Call(call.method(), path, call.token(), call.contentType(), call.body(), call.headers(),
                call.timeout());
    }

    private static Http.Call withToken(Http.Call call, String token) {
        return new Http.Call(call.method(), call.path(), token, call.contentType(), call.body(), call.headers(),
                call.timeout());
    }

    private static List<Map.Entry<String, String>> validQuery(Random r, Endpoint e, DemoData.Fixture f) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (String p : e.parameters()) {
            if (r.nextInt(3) == 0) {
                Map.Entry<String, String> v = Endpoints.validParameter(e, p, f);
                if (v != null) {
                    query.add(v);
                }
            }
        }
        return query;
    }

    private List<Map.Entry<String, String>> hostileQuery(Random r, Endpoint e, DemoData.Fixture f) {
        List<Map.Entry<String, String>> query = validQuery(r, e, f);
        List<String> names = e.parameters().isEmpty() ? List.of("limit", "foo", "cursor") : e.parameters();
        int count = 1 + r.nextInt(3);
        for (int k = 0; k < count; k++) {
            String name = FuzzValues.pick(r, names);
            query.removeIf(q -> q.getKey().startsWith(name));
            query.add(Map.entry(rangeName(r, name), hostileValue(r, name)));
        }
        return query;
    }

    private static String rangeName(Random r, String name) {
        if (name.equals("created_at") || name.equals("updated_at")) {
            return name + FuzzValues.pick(r, List.of("[gt]", "[gte]", "[lt]", "[lte]", "", "[eq]", "[gt][x]", "[]"));
        }
        return name;
    }

    private String hostileValue(Random r, String name) {
        return switch (name) {
            case "limit", "per_page", "page_no" -> r.nextBoolean() ? FuzzValues.number(r) : FuzzValues.string(r, false);
            case "after", "before", "id", "session_id", "session_connection_id", "session_message_id",
                    "session_provider_id", "server_session_id", "provider_run_id", "server_run_id", "ids", "thread_id" ->
                    r.nextInt(4) == 0 ? FuzzValues.badCursor(r) : java.net.URLDecoder.decode(
                            FuzzValues.badId(r, main, foreign).replace("+", "%2B"), StandardCharsets.UTF_8);
            case "cursor" -> FuzzValues.badCursor(r);
            case "created_at", "updated_at", "start_time", "end_time" -> FuzzValues.timestamp(r);
            case "filter" -> FuzzValues.badFilter(r);
            case "orderBy" -> FuzzValues.badOrderBy(r);
            case "participants" -> FuzzValues.pick(r, List.of("1:", ":", "10:1", "-1:5", "1e309:2", "a:b",
                    "9223372036854775808:9223372036854775809", "1:2:3", "\u0000", ""));
            default -> r.nextBoolean() ? FuzzValues.string(r, false) : FuzzValues.number(r);
        };
    }

    /** The {@code qs} conventions Metorial's SDK sends, and their malformed neighbours, as raw (already encoded) text. */
    private List<Map.Entry<String, String>> qsQuery(Random r, Endpoint e, DemoData.Fixture f) {
        List<String> names = e.parameters().isEmpty() ? List.of("type", "a") : e.parameters();
        String name = FuzzValues.pick(r, names);
        Map.Entry<String, String> validOne = Endpoints.validParameter(e, name, f);
        String good = validOne == null ? "x" : validOne.getValue();
        String other = hostileValue(r, name);
        List<Map.Entry<String, String>> q = new ArrayList<>();
        switch (r.nextInt(12)) {
            case 0 -> {
                q.add(Map.entry(name + "[0]", good));
                q.add(Map.entry(name + "[1]", other));
            }
            case 1 -> q.add(Map.entry(name + "[]", ""));
            case 2 -> {
                q.add(Map.entry(name + "[]", good));
                q.add(Map.entry(name + "[]", good));
            }
            case 3 -> q.add(Map.entry("a[b][c]", other));
            case 4 -> q.add(Map.entry(name + "[b][c]", good));
            case 5 -> {
                q.add(Map.entry(name, good));
                q.add(Map.entry(name, other));
            }
            case 6 -> q.add(Map.entry(name + "[99999999999]", good));
            case 7 -> q.add(Map.entry(name + "[-1]", good));
            case 8 -> {
                for (int k = 0; k < 150; k++) {
                    q.add(Map.entry(name + "[" + k + "]", good));
                }
            }
            case 9 -> q.add(Map.entry(name + "[gt]", FuzzValues.timestamp(r)));
            case 10 -> q.add(Map.entry(name + "[", good));
            default -> q.add(Map.entry(name + "]]", other));
        }
        return q;
    }

    private String badIdPath(Random r, Endpoint e, DemoData.Fixture f) {
        List<String> names = e.placeholders();
        String target = FuzzValues.pick(r, names);
        Map<String, String> ids = new LinkedHashMap<>(f.ids());
        ids.put(target, FuzzValues.badId(r, main, foreign));
        return e.path(new DemoData.Fixture(f.tenant(), ids), r.nextInt(10) == 0 ? "other" : f.tenant());
    }

    private static String pathShape(Random r, String path) {
        return switch (r.nextInt(9)) {
            case 0 -> path + "/";
            case 1 -> path.replaceFirst("/", "//");
            case 2 -> path + "/nope";
            case 3 -> "/./" + path.substring(1);
            case 4 -> path.toUpperCase(java.util.Locale.ROOT);
            case 5 -> "/internal/mcp/sessions/" + path.substring(path.lastIndexOf('/') + 1);
            case 6 -> FuzzValues.pick(r, List.of("/q/health", "/q/metrics", "/q/openapi", "/internal/mcp/messages/senders"));
            case 7 -> "/" + path.substring(1).replace("/", "%2F");
            default -> path + "/..%2F..%2Finternal";
        };
    }

    private static Http.Call contentType(Random r, Http.Call call) {
        String type = FuzzValues.pick(r, java.util.Arrays.asList("text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
                "application/json; charset=nonsense", "*/*", "application/json-patch+json", "application/merge-patch+json",
                "application/jsonx", "application/json;;;", "", null));
        byte[] body = call.body() == null ? "{}".getBytes(StandardCharsets.UTF_8) : call.body();
        if (type != null && type.startsWith("multipart")) {
            body = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8);
        }
        return new Http.Call(call.method(), call.path(), call.token(), type, body, call.headers(), call.timeout());
    }

    private String hostileToken(Random r) {
        String admin = tokens.get("admin");
        return switch (r.nextInt(10)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "a".repeat(10 * 1024);
            case 3 -> admin.substring(0, admin.length() - 3) + "AAA";
            case 4 -> admin.substring(0, admin.lastIndexOf('.') + 1);
            case 5 -> "eyJhbGciOiJub25lIn0." + admin.split("\\.")[1] + ".";
            case 6 -> admin + admin;
            case 7 -> "not.a.jwt";
            case 8 -> admin.replace('.', '_');
            default -> "Basic" + admin;
        };
    }

    private static Http.Call hugeHeader(Random r, Http.Call call) {
        return switch (r.nextInt(6)) {
            case 0 -> withToken(call, "b".repeat(10 * 1024));
            case 1 -> call.header("Idempotency-Key", "k".repeat(10 * 1024));
            case 2 -> call.header("Idempotency-Key", "k".repeat(201));
            case 3 -> {
                Http.Call c = call;
                for (int k = 0; k < 100; k++) {
                    c = c.header("X-Fuzz-" + k, "v".repeat(50));
                }
                yield c;
            }
            case 4 -> call.header("Accept", FuzzValues.pick(r, List.of("application/xml", "*/*;q=foo", "text/csv",
                    "application/json;q=0")));
            default -> call.header("Content-Encoding", "gzip");
        };
    }

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** A method this path does not take: unknown ones, and known ones that no endpoint of the path has. */
    private static Http.Call method(Random r, Endpoint e, Http.Call call) {
        List<String> choices = new ArrayList<>(List.of("FOO", "PROPFIND", "OPTIONS", "HEAD", "TRACE", "get", "M-SEARCH"));
        for (String m : METHODS) {
            boolean taken = Endpoints.ALL.stream().anyMatch(o -> o.template().equals(e.template()) && o.method().equals(m));
            if (!taken) {
                choices.add(m);
            }
        }
        String method = FuzzValues.pick(r, choices);
        return new Http.Call(method, call.path(), call.token(), call.contentType(), call.body(), call.headers(),
                call.timeout());
    }

    private static Http.Call longUrl(Random r, Http.Call call) {
        int size = FuzzValues.pick(r, List.of(5_000, 20_000, 40_000, 100_000));
        return switch (r.nextInt(3)) {
            case 0 -> withPath(call, call.path() + "/" + "a".repeat(size));
            case 1 -> withPath(call, call.path() + (call.path().contains("?") ? "&" : "?") + "q=" + "b".repeat(size));
            default -> {
                StringBuilder q = new StringBuilder(call.path()).append('?');
                for (int k = 0; k < size / 8; k++) {
                    q.append("p").append(k).append("=1&");
                }
                yield withPath(call, q.toString());
            }
        };
    }

    private FuzzRequest raw(int i, Random r, Endpoint e, String path, String token) {
        String auth = "Authorization: Bearer " + token + "\r\n";
        // Connection: close, so that the answer ends where the connection does.
        String h = "Host: " + host + "\r\nConnection: close\r\n";
        String line;
        byte[] extra = new byte[0];
        switch (r.nextInt(14)) {
            case 0 -> line = "GET " + path + "%zz HTTP/1.1\r\n" + h + auth + "\r\n";
            case 1 -> line = "GET " + path + "?limit=% HTTP/1.1\r\n" + h + auth + "\r\n";
            case 2 -> line = "GET " + path + "\u0000x HTTP/1.1\r\n" + h + auth + "\r\n";
            case 3 -> line = "GET " + path + "?type=\u00ff\u00fe HTTP/1.1\r\n" + h + auth + "\r\n";
            case 4 -> line = "GET " + path + "?filter={\"a\":1} HTTP/1.1\r\n" + h + auth + "\r\n";
            case 5 -> line = "GET http://" + host + path + " HTTP/1.1\r\n" + h + auth + "\r\n";
            case 6 -> line = "GET " + path + " HTTP/1.0\r\n" + auth + "\r\n";
            case 7 -> line = "POST " + path + " HTTP/1.1\r\n" + h + auth + "Content-Type: application/json\r\n"
                    + "Content-Length: 2\r\nContent-Length: 7\r\n\r\n{}";
            case 8 -> line = "POST " + path + " HTTP/1.1\r\n" + h + auth + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case 9 -> line = "POST " + path + " HTTP/1.1\r\n" + h + auth + "Content-Type: application/json\r\n"
                    + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
            case 10 -> line = "GET " + path + " HTTP/1.1\r\n" + h + auth + "NoColonHere\r\n\r\n";
            case 11 -> line = "GET " + path + " HTTP/1.1\r\n" + h + auth + "X-Folded: a\r\n b\r\n\r\n";
            case 12 -> line = "POST " + path + " HTTP/1.1\r\n" + h + auth + "Content-Type: application/json\r\n"
                    + "Content-Length: 99999999999999999999\r\n\r\n{}";
            default -> {
                extra = "{\"a\":\"\u00c3\u0028\"}".getBytes(StandardCharsets.ISO_8859_1);
                line = "POST " + path + " HTTP/1.1\r\n" + h + auth + "Content-Type: application/json\r\n"
                        + "Content-Length: " + extra.length + "\r\n\r\n";
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(extra);
        return new FuzzRequest(i, e, "raw", null, bytes.toByteArray(), line.replace(token, "<token>"));
    }

    // ---- bodies -------------------------------------------------------------------------------

    /** A place in a JSON tree that holds a value: an object's field or an array's element. */
    private record Slot(JsonNode parent, String field, int index) {

        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> all = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                String name = names.next();
                all.add(new Slot(node, name, -1));
                all.addAll(slots(node.get(name)));
            }
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                all.add(new Slot(node, null, k));
                all.addAll(slots(node.get(k)));
            }
        }
        return all;
    }

    private static Http.Call body(String kind, Random r, Endpoint e, DemoData.Fixture f, Http.Call call, int i,
            String marker) {
        ObjectNode body = Endpoints.validBody(e, f, r, marker);
        List<Slot> slots = slots(body);
        Slot slot = slots.isEmpty() ? null : FuzzValues.pick(r, slots);
        String raw = null;
        byte[] bytes = null;
        switch (kind) {
            case "body-type" -> {
                if (slot != null) {
                    slot.set(FuzzValues.pick(r, List.of(IntNode.valueOf(7), TextNode.valueOf("text"), BooleanNode.TRUE,
                            NullNode.getInstance(), Json.array(), Json.object().put("x", 1))));
                }
            }
            case "body-value" -> {
                if (slot != null) {
                    slot.set(TextNode.valueOf(FuzzValues.string(r, false)));
                }
            }
            case "body-number" -> {
                raw = FuzzValues.number(r);
                if (slot == null) {
                    bytes = raw.getBytes(StandardCharsets.UTF_8);
                } else {
                    slot.set(TextNode.valueOf(RAW_TEXT));
                }
            }
            case "body-timestamp" -> timestampField(e, body).set(TextNode.valueOf(FuzzValues.timestamp(r)));
            case "body-id" -> idSlot(r, slots, slot, body).set(TextNode.valueOf(java.net.URLDecoder.decode(
                    FuzzValues.badId(r, f, f).replace("+", "%2B"), StandardCharsets.UTF_8)));
            case "body-nul" -> nul(r, slots, body);
            case "body-fields" -> bytes = fields(r, slot, body);
            case "body-nested" -> {
                raw = FuzzValues.nested(FuzzValues.pick(r, List.of(999, 1_001, 10_000, 100_000)), r.nextBoolean());
                if (slot == null || r.nextBoolean()) {
                    bytes = raw.getBytes(StandardCharsets.UTF_8);
                } else {
                    slot.set(TextNode.valueOf(RAW_TEXT));
                }
            }
            case "body-huge" -> {
                // A few MB are sent at most once in HUGE_EVERY requests, which bounds the bytes a run moves.
                String text = FuzzValues.string(r, i % HUGE_EVERY == 7);
                (slot == null ? new Slot(body, "huge", -1) : slot).set(TextNode.valueOf(text));
            }
            case "body-many" -> many(r, body);
            case "body-truncated" -> {
                byte[] whole = Json.bytes(body);
                bytes = java.util.Arrays.copyOf(whole, r.nextInt(Math.max(1, whole.length)));
            }
            case "body-shape" -> bytes = FuzzValues.pick(r, List.of("", " ", "[]", "null", "\"x\"", "1", "true", "{}",
                    "[{}]", "\uFEFF" + Json.text(body), Json.text(body) + "garbage", "{}{}", "{\"a\":}", "{'a':1}",
                    "{\"a\":1,}")).getBytes(StandardCharsets.UTF_8);
            case "body-utf8" -> bytes = badUtf8(r, body);
            default -> throw new IllegalStateException("No body mutation " + kind);
        }
        if (bytes == null) {
            String text = Json.text(body);
            bytes = (raw == null ? text : text.replace(RAW, raw)).getBytes(StandardCharsets.UTF_8);
        }
        return new Http.Call(call.method(), call.path(), call.token(), call.contentType(), bytes, call.headers(),
                call.timeout());
    }

    private static Slot timestampField(Endpoint e, ObjectNode body) {
        String t = e.template();
        if (body.has("messages") && body.get("messages").isArray()) {
            return new Slot(body.get("messages").get(0), "created_at", -1);
        }
        String field = switch (t) {
            case "{meetings}" -> "started_at";
            case "{meetings}/{rs}/participants" -> "joined_at";
            case "{meetings}/{rs}/participants/{peer}/leave" -> "left_at";
            case "{meetings}/{rs}/end" -> "ended_at";
            case "/api/thread-participants/{tp}" -> "lastReadAt";
            default -> "created_at";
        };
        return new Slot(body, field, -1);
    }

    private static Slot idSlot(Random r, List<Slot> slots, Slot fallback, ObjectNode body) {
        List<Slot> ids = slots.stream().filter(s -> s.field() != null
                && (s.field().endsWith("id") || s.field().endsWith("Id") || s.field().endsWith("_key"))).toList();
        if (!ids.isEmpty()) {
            return FuzzValues.pick(r, ids);
        }
        return fallback != null ? fallback : new Slot(body, "id", -1);
    }

    private static void nul(Random r, List<Slot> slots, ObjectNode body) {
        List<Slot> strings = slots.stream().filter(s -> s.get().isTextual()).toList();
        if (strings.isEmpty() || r.nextInt(5) == 0) {
            body.put("key\u0000" + r.nextInt(10), "v");
            return;
        }
        Slot s = FuzzValues.pick(r, strings);
        String text = s.get().asText();
        int at = r.nextInt(text.length() + 1);
        s.set(TextNode.valueOf(text.substring(0, at) + "\u0000" + text.substring(at)));
    }

    /** An unknown field, a missing one, none at all, or the same key twice (Jackson keeps the last, other parsers the first). */
    private static byte[] fields(Random r, Slot slot, ObjectNode body) {
        switch (r.nextInt(4)) {
            case 0 -> body.put("unknown_field_" + r.nextInt(100), "x");
            case 1 -> {
                if (slot != null && slot.field() != null) {
                    ((ObjectNode) slot.parent()).remove(slot.field());
                }
            }
            case 2 -> body.removeAll();
            default -> {
                String first = body.fieldNames().hasNext() ? body.fieldNames().next() : "a";
                return ("{\"" + first + "\":\"dup\"," + Json.text(body).substring(1)).getBytes(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void many(Random r, ObjectNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            JsonNode value = body.get(names.next());
            if (value.isArray() && !value.isEmpty()) {
                ArrayNode array = (ArrayNode) value;
                JsonNode first = array.get(0);
                int target = FuzzValues.pick(r, List.of(1_000, 1_001, 5_000));
                while (array.size() < target) {
                    array.add(first.deepCopy());
                }
                return;
            }
        }
        ArrayNode filler = body.putArray("many");
        for (int k = 0; k < 5_000; k++) {
            filler.add(k);
        }
    }

    private static byte[] badUtf8(Random r, ObjectNode body) {
        body.put("utf8", "__BAD__");
        String[] halves = Json.text(body).split("__BAD__", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(FuzzValues.pick(r, FuzzValues.BAD_UTF8));
        out.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
