package dev.sessionledger.messages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Seeds one session with a million messages and measures, over HTTP, how long a page takes at the
 * start, at the end and in between, with and without filters. Not part of the default build: run
 * it with {@code ./mvnw -B -pl messages-service test -Pbenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(FakeSessionsService.class)
class SessionMessagePagingBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int RUNS = 10;
    private static final int WARMUPS = 10;
    private static final int SAMPLES = 21;

    @Inject
    DataSource dataSource;

    private final String tenant = TestTokens.newTenant();
    private final String token = TestTokens.admin(tenant);
    private final UUID session = PrefixedId.newUuid();
    private final UUID serverA = PrefixedId.newUuid();
    private final UUID serverB = PrefixedId.newUuid();
    private final UUID[] runs = new UUID[RUNS];

    /**
     * Row i gets an id that sorts as i does (a UUIDv7 layout with the millisecond i after a base),
     * type by i % 10 (4 requests, 4 responses, a notification, an error), server session A for the
     * first half and B for the second, and run i / 100 000.
     */
    private void seed() throws Exception {
        for (int r = 0; r < RUNS; r++) {
            runs[r] = PrefixedId.newUuid();
        }
        long base = System.currentTimeMillis() - 10L * ROWS;
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into session_message (id, tenant_id, session_id, server_session_id, provider_run_id,
                            type, sender_type, sender_id, method, payload, created_at, jsonrpc_id)
                        select (lpad(to_hex(? + i), 12, '0') || '70008000' || lpad(to_hex(i), 12, '0'))::uuid,
                            ?, ?, case when i < ? / 2 then ?::uuid else ?::uuid end, (?::uuid[])[i / (? / ?) + 1],
                            t.type, case when t.type in ('request', 'notification') then 'client' else 'server' end,
                            'spt_bench', case when t.type = 'notification' then 'notifications/progress' else 'tools/call' end,
                            case t.type
                                when 'request' then jsonb_build_object('jsonrpc', '2.0', 'id', i, 'method', 'tools/call',
                                    'params', jsonb_build_object('name', 'search', 'arguments', jsonb_build_object('q', i)))
                                when 'response' then jsonb_build_object('jsonrpc', '2.0', 'id', i,
                                    'result', jsonb_build_object('content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'result ' || i))))
                                when 'notification' then jsonb_build_object('jsonrpc', '2.0', 'method', 'notifications/progress')
                                else jsonb_build_object('jsonrpc', '2.0', 'id', i, 'error', jsonb_build_object('code', -32000, 'message', 'failed'))
                            end,
                            to_timestamp((? + i) / 1000.0), i::text
                        from generate_series(0, ? - 1) as i,
                            lateral (select case when i % 10 < 4 then 'request' when i % 10 < 8 then 'response'
                                when i % 10 = 8 then 'notification' else 'error' end as type) t""");
                Statement analyze = c.createStatement()) {
            int p = 1;
            insert.setLong(p++, base);
            insert.setString(p++, tenant);
            insert.setObject(p++, session);
            insert.setInt(p++, ROWS);
            insert.setString(p++, serverA.toString());
            insert.setString(p++, serverB.toString());
            insert.setArray(p++, c.createArrayOf("uuid", runs));
            insert.setInt(p++, ROWS);
            insert.setInt(p++, RUNS);
            insert.setLong(p++, base);
            insert.setInt(p++, ROWS);
            insert.executeUpdate();
            analyze.execute("analyze session_message");
        }
    }

    private String middleId() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "select id from session_message where tenant_id = ? and session_id = ? order by id offset ? limit 1")) {
            query.setString(1, tenant);
            query.setObject(2, session);
            query.setInt(3, ROWS / 2);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return PrefixedId.format("smg", row.getObject(1, UUID.class));
            }
        }
    }

    private JsonPath page(Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query)
                .when().get("/sessions/" + PrefixedId.format("ses", session) + "/messages")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Median milliseconds of recording a full batch into the large session, each batch answering its own requests. */
    private double measureIngest() {
        String sessionId = PrefixedId.format("ses", session);
        String serverSession = PrefixedId.format("spr", serverA);
        FakeSessionsService.register(tenant, sessionId, serverSession, null);
        double[] samples = new double[7];
        for (int round = 0; round < samples.length; round++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String id = round + "-" + i;
                batch.add(Map.of("payload", Map.of("jsonrpc", "2.0", "id", id, "method", "tools/call",
                        "params", Map.of("name", "search", "arguments", Map.of("q", id))),
                        "sender", Map.of("type", "client", "id", "spt_bench"), "server_session_id", serverSession));
                batch.add(Map.of("payload", Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("content", List.of())),
                        "sender", Map.of("type", "server", "id", serverSession), "server_session_id", serverSession));
            }
            long start = System.nanoTime();
            given().auth().oauth2(token).contentType("application/json").body(Map.of("messages", batch))
                    .when().post("/sessions/" + sessionId + "/messages").then().statusCode(201);
            samples[round] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(samples);
        return samples[samples.length / 2];
    }

    /** Median milliseconds of a page request, after warm-up. */
    private double measure(Map<String, Object> query) {
        for (int i = 0; i < WARMUPS; i++) {
            page(query);
        }
        double[] samples = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            page(query);
            samples[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        Arrays.sort(samples);
        return samples[SAMPLES / 2];
    }

    @Test
    void a_page_at_the_end_of_a_million_messages_costs_what_the_first_page_costs() throws Exception {
        long seedStart = System.nanoTime();
        seed();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        List<String> newest = page(Map.of("limit", 100, "order", "desc")).getList("items.id");
        String last = newest.get(0);
        String nearEnd = newest.get(99);
        String middle = middleId();
        JsonPath end = page(Map.of("limit", 100, "after", newest.get(1)));
        assertEquals(List.of(last), end.getList("items.id"));
        assertEquals(false, end.getBoolean("pagination.has_more_after"));

        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("first page (asc, limit 100)", Map.of("limit", 100));
        cases.put("last page (asc, after the 100th-from-last id)", Map.of("limit", 100, "after", nearEnd));
        cases.put("last page (order=desc, limit 100)", Map.of("limit", 100, "order", "desc"));
        cases.put("page before the last id (asc, before=)", Map.of("limit", 100, "before", last));
        cases.put("page in the middle (desc, after=)", Map.of("limit", 100, "order", "desc", "after", middle));
        cases.put("type=error, first page", Map.of("limit", 100, "type", "error"));
        cases.put("type=error, last page (desc)", Map.of("limit", 100, "type", "error", "order", "desc"));
        cases.put("type=error, before the last id", Map.of("limit", 100, "type", "error", "before", last));
        cases.put("type=request&type=error, last page (desc)",
                Map.of("limit", 100, "type[0]", "request", "type[1]", "error", "order", "desc"));
        cases.put("session_provider_id=A (first half), last page (desc)",
                Map.of("limit", 100, "order", "desc", "session_provider_id", PrefixedId.format("spr", serverA)));
        cases.put("provider_run_id=first run, last page (desc)",
                Map.of("limit", 100, "order", "desc", "provider_run_id", PrefixedId.format("srr", runs[0])));
        cases.put("provider_run_id=last run, first page (asc)",
                Map.of("limit", 100, "provider_run_id", PrefixedId.format("srr", runs[RUNS - 1])));

        List<String> lines = new ArrayList<>();
        lines.add(String.format("Seeded %,d messages in one session in %.1f s; median of %d requests after %d warm-ups, "
                + "HTTP round trip included:", ROWS, seedSeconds, SAMPLES, WARMUPS));
        Map<String, Double> results = new LinkedHashMap<>();
        cases.forEach((name, query) -> {
            double ms = measure(query);
            results.put(name, ms);
            lines.add(String.format("  %-55s %8.2f ms", name, ms));
        });
        lines.forEach(System.out::println);

        lines.add(String.format("  %-55s %8.2f ms", "POST of 1000 messages (500 requests + their responses)",
                measureIngest()));
        System.out.println(lines.get(lines.size() - 1));
        Files.write(Path.of("target", "benchmark-results.txt"), lines);

        double first = results.get("first page (asc, limit 100)");
        for (Map.Entry<String, Double> result : results.entrySet()) {
            assertTrue(result.getValue() < 5 * first + 25,
                    result.getKey() + " took " + result.getValue() + " ms against " + first + " ms for the first page");
        }
    }
}
