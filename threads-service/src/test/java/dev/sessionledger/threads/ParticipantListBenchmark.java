package dev.sessionledger.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.threads.participants.ParticipantField;
import dev.sessionledger.threads.query.CursorCodec;
import dev.sessionledger.threads.query.KeysetSql;
import dev.sessionledger.threads.query.OrderByParser;
import dev.sessionledger.threads.query.SortKey;
import dev.sessionledger.threads.query.Sql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lists a thread of 100 000 participants page by page over HTTP, for several sorts, and reports how
 * long the first and the last page take, plus the plan of the last page's query. Not part of the
 * default test run: {@code ./mvnw -B -pl threads-service -Pbenchmark test}. Results are printed and
 * written to {@code threads-service/target/benchmark/participant-list.txt}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
class ParticipantListBenchmark {

    private static final int PARTICIPANTS = 100_000;
    private static final int LIMIT = 100;
    private static final int REPEATS = 9;
    private static final List<String> SORTS = List.of("", "[{\"joinedAt\":\"desc\"}]",
            "[{\"lastReadAt\":\"asc_nulls_first\"}]", "[{\"displayName\":\"desc_nulls_last\"},{\"joinedAt\":\"asc\"}]");

    @Inject
    DataSource dataSource;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CursorCodec cursors;

    @TestHTTPResource("/api/thread-participants")
    URL endpoint;

    @Test
    void the_last_page_of_a_100000_participant_thread_is_as_fast_as_the_first() throws Exception {
        String tenant = TestTokens.newTenant();
        ThreadFixtures fixtures = new ThreadFixtures(dataSource);
        UUID thread = fixtures.thread(tenant, "big");
        UUID other = fixtures.thread(tenant, "other");
        long seeding = System.nanoTime();
        seed(tenant, thread, PARTICIPANTS);
        seed(tenant, other, PARTICIPANTS / 5);
        analyze();
        StringBuilder report = new StringBuilder();
        report.append(String.format("Seeded %d participants (+%d in another thread) in %.1f s%n", PARTICIPANTS,
                PARTICIPANTS / 5, (System.nanoTime() - seeding) / 1e9));
        report.append(String.format("%-60s %10s %10s %10s %8s%n", "orderBy (member of the thread, limit 100)",
                "first ms", "last ms", "walk s", "pages"));
        StringBuilder plans = new StringBuilder();
        for (String sort : SORTS) {
            Walk walk = walk(tenant, thread, sort);
            String line = String.format("%-60s %10.1f %10.1f %10.1f %8d%n", sort.isEmpty() ? "(default: id asc)" : sort,
                    walk.firstMs, walk.lastMs, walk.seconds, walk.pages);
            System.out.print(line);
            report.append(line);
            plans.append("\nEXPLAIN ANALYZE of the last page, orderBy ").append(sort.isEmpty() ? "(default)" : sort)
                    .append(":\n").append(explain(tenant, thread, sort, walk.lastAfter));
        }
        report.append(plans);
        System.out.println(report);
        Path out = Path.of("target", "benchmark", "participant-list.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private record Walk(double firstMs, double lastMs, double seconds, int pages, String lastAfter) {
    }

    /** Tokens live ten minutes, so each walk gets its own. */
    private Walk walk(String tenant, UUID thread, String sort) throws Exception {
        String token = TestTokens.member("user-4", tenant);
        double first = median(() -> page(token, thread, sort, null));
        Set<String> seen = new HashSet<>();
        long start = System.nanoTime();
        String after = null;
        int pages = 0;
        while (true) {
            JsonNode page = page(token, thread, sort, after);
            pages++;
            page.get("data").forEach(p -> seen.add(p.get("id").asText()));
            assertEquals(PARTICIPANTS, page.at("/pageInfo/total").asInt());
            if (!page.at("/pageInfo/hasNextPage").asBoolean()) {
                break;
            }
            after = page.at("/pageInfo/endCursor").asText();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(PARTICIPANTS, seen.size(), "every participant exactly once for " + sort);
        String cursor = after;
        String fresh = TestTokens.member("user-4", tenant);
        double last = median(() -> {
            JsonNode page = page(fresh, thread, sort, cursor);
            assertFalse(page.at("/pageInfo/hasNextPage").asBoolean());
            assertTrue(page.at("/pageInfo/hasPreviousPage").asBoolean());
        });
        return new Walk(first, last, seconds, pages, cursor);
    }

    /** A plain HTTP client and Jackson, so the client's own overhead stays small next to the server's. */
    private JsonNode page(String token, UUID thread, String sort, String after) throws Exception {
        StringBuilder query = new StringBuilder("?thread_id=").append(thread).append("&limit=").append(LIMIT);
        if (!sort.isEmpty()) {
            query.append("&orderBy=").append(URLEncoder.encode(sort, StandardCharsets.UTF_8));
        }
        if (after != null) {
            query.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + query.toString()))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    /** A call whose time is measured. */
    private interface Call {
        void run() throws Exception;
    }

    private static double median(Call call) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            call.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        times.sort(Double::compare);
        return times.get(REPEATS / 2);
    }

    /** The plan of each query the last page runs, rebuilt from the same builders the service uses. */
    private String explain(String tenant, UUID thread, String sort, String after) throws SQLException {
        List<SortKey> keys = OrderByParser.parse(sort, ParticipantField.BY_WIRE, ParticipantField.ID, "orderBy");
        Sql where = Sql.and(Sql.bound("p.tenant_id = ?", tenant), Sql.bound("p.thread_id = ?", thread));
        List<Object> anchor = cursors.decode(after, "after", CursorCodec.scopeOf(where, keys), keys);
        List<SortKey> reversed = keys.stream().map(SortKey::reversed).toList();
        StringBuilder plans = new StringBuilder();
        try (Connection c = dataSource.getConnection()) {
            for (Sql segment : KeysetSql.segments(keys, anchor, false)) {
                plan(c, plans, Sql.of("SELECT * FROM thread_participant p WHERE ").append(Sql.and(where, segment))
                        .append(" ORDER BY ").append(KeysetSql.orderBy(keys)).append(" LIMIT " + (LIMIT + 1)));
            }
            for (Sql segment : KeysetSql.segments(reversed, anchor, true)) {
                plan(c, plans, Sql.of("SELECT * FROM thread_participant p WHERE ").append(Sql.and(where, segment))
                        .append(" ORDER BY ").append(KeysetSql.orderBy(reversed)).append(" LIMIT 1"));
            }
            plans.append("-- pageInfo.total of this unfiltered thread list: the count migration V3 keeps\n");
            plan(c, plans, Sql.bound("SELECT participant_count FROM thread WHERE tenant_id = ?", tenant)
                    .append(Sql.bound(" AND id = ?", thread)));
            plans.append("-- pageInfo.total of a filtered list counts its rows; unfiltered, for comparison\n");
            plan(c, plans, Sql.of("SELECT count(*) FROM thread_participant p WHERE ").append(where));
        }
        return plans.toString();
    }

    private static void plan(Connection c, StringBuilder plans, Sql sql) throws SQLException {
        plans.append("-- ").append(sql.text()).append('\n');
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql.text())) {
            for (int i = 0; i < sql.params().size(); i++) {
                s.setObject(i + 1, sql.params().get(i));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    plans.append(rows.getString(1)).append('\n');
                }
            }
        }
    }

    private void seed(String tenant, UUID thread, int count) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into thread_participant (id, tenant_id, thread_id, user_id, agent_id, swarm_id,
                    external_identity, display_name, joined_at, last_read_message_id, last_read_at)
                select gen_random_uuid(), ?, ?,
                    case when g % 4 = 0 then 'user-' || g end,
                    case when g % 4 = 1 then 'agent-' || g end,
                    case when g % 4 = 2 then 'swarm-' || g end,
                    case when g % 4 = 3 then 'ext-' || g end,
                    case when g % 10 = 0 then null else 'name-' || (g % 5000) end,
                    timestamptz '2025-01-01 00:00:00+00' + (g % 20000) * interval '1 minute',
                    case when g % 2 = 0 then 'msg-' || (g % 100) end,
                    case when g % 2 = 0 then timestamptz '2025-06-01 00:00:00+00' + (g % 30000) * interval '1 second' end
                from generate_series(1, ?) g""")) {
            s.setString(1, tenant);
            s.setObject(2, thread);
            s.setInt(3, count);
            s.executeUpdate();
        }
    }

    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM ANALYZE thread_participant");
            s.execute("VACUUM ANALYZE thread");
        }
    }
}
