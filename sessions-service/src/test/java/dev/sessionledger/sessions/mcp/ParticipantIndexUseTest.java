package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * EXPLAIN of the statements the participants list sends, captured as it runs and planned with the
 * values the request bound: each must run from the index named. The tenant holds thousands of
 * participants, a few of them providers or lately updated, so that the planner weighs the plans as
 * it would for a real tenant rather than for a handful of rows, and sequential scans are priced out.
 */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class ParticipantIndexUseTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?");
    /** The rows a default page reads: its limit of 20, and one to learn whether more follow. */
    private static final int PAGE_READ = 21;
    /** How many participants the tenant has; one in a hundred is a provider and was updated lately. */
    private static final int PARTICIPANTS = 5000;

    private static World world;

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    SentStatements statements;

    /** A tenant with a session holding a client and a provider. */
    private record World(String tenant, String token, String session, String client) {
    }

    private World world() throws Exception {
        if (world == null) {
            String tenant = TestTokens.newTenant();
            String token = TestTokens.admin(tenant);
            String session = McpFixtures.session(token);
            String client = McpFixtures.connect(token, session, "indexed").path("participant_id");
            McpFixtures.provider(token, session, "pro_indexed");
            addParticipants(tenant);
            world = new World(tenant, token, session, client);
        }
        return world;
    }

    private void addParticipants(String tenant) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into mcp_participant (id, tenant_id, type, identifier, name, data, created_at, updated_at)
                        select gen_random_uuid(), ?, case when n % 100 = 0 then 'provider' else 'mcp_client' end,
                               'bulk-' || n, 'Bulk ' || n, jsonb_build_object('identifier', 'bulk-' || n),
                               now() - interval '30 days',
                               now() - case when n % 100 = 0 then interval '1 hour' else interval '30 days' end
                        from generate_series(1, ?) n""");
                Statement analyze = c.createStatement()) {
            insert.setString(1, tenant);
            insert.setInt(2, PARTICIPANTS);
            insert.executeUpdate();
            analyze.execute("analyze mcp_participant");
        }
    }

    /** The participant reads one list request sends, as sent. */
    private List<String> readsOf(World w, Map<String, String> query) {
        List<String> sent = statements.during(() -> given().auth().oauth2(w.token()).queryParams(query)
                .when().get("/session-participants").then().statusCode(200));
        List<String> reads = sent.stream()
                .filter(sql -> sql.startsWith("select") && sql.contains(" from mcp_participant "))
                .toList();
        assertFalse(reads.isEmpty(), "no participant read among " + sent);
        return reads;
    }

    /** The one participant read of a request, planned with the values it bound, in their order. */
    private String planOfOnlyRead(World w, Map<String, String> query, Object... bound) throws Exception {
        List<String> reads = readsOf(w, query);
        assertEquals(1, reads.size(), reads.toString());
        return plan(reads.get(0), bound);
    }

    private String plan(String sql, Object... bound) throws Exception {
        Matcher placeholders = PLACEHOLDER.matcher(sql);
        StringBuilder filled = new StringBuilder();
        int n = 0;
        while (placeholders.find()) {
            assertTrue(n < bound.length, "more placeholders than the " + bound.length + " values in " + sql);
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(literal(bound[n++])));
        }
        placeholders.appendTail(filled);
        assertEquals(bound.length, n, "placeholders of " + sql);
        return QueryPlans.explain(dataSource, filled.toString());
    }

    private static String literal(Object value) {
        return value instanceof Number ? value.toString() : "'" + value.toString().replace("'", "''") + "'";
    }

    private static UUID uuid(IdPrefix prefix, String id) {
        return prefix.parse(id).orElseThrow();
    }

    private static void assertScans(String index, String plan) {
        assertTrue(Pattern.compile("Index (Only )?Scan( Backward)? using " + index + " on mcp_participant ")
                .matcher(plan).find(), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void the_participants_list_pages_from_the_tenant_id_index_in_both_orders() throws Exception {
        World w = world();
        for (String order : List.of("asc", "desc")) {
            assertScans("mcp_participant_tenant_id_idx",
                    planOfOnlyRead(w, Map.of("order", order), w.tenant(), 0, PAGE_READ));
            // From a row it showed, a page reads that row and the page after it.
            assertScans("mcp_participant_tenant_id_idx", planOfOnlyRead(w, Map.of("order", order, "after", w.client()),
                    w.tenant(), uuid(IdPrefix.PARTICIPANT, w.client()), 0, PAGE_READ + 1));
        }
    }

    @Test
    void the_type_filter_is_served_with_the_id_order() throws Exception {
        World w = world();
        assertScans("mcp_participant_tenant_type_idx",
                planOfOnlyRead(w, Map.of("type", "provider"), w.tenant(), "provider", 0, PAGE_READ));
    }

    @Test
    void the_session_filter_reaches_connections_and_server_sessions_by_index() throws Exception {
        World w = world();
        UUID session = uuid(IdPrefix.SESSION, w.session());
        String plan = planOfOnlyRead(w, Map.of("session_id", w.session()), w.tenant(), session, session, 0, PAGE_READ);
        assertTrue(plan.contains(" using mcp_connection_session_idx on mcp_connection "), plan);
        assertTrue(plan.contains(" using mcp_session_provider_session_idx on mcp_session_provider "), plan);
    }

    @Test
    void the_updated_at_range_is_served_by_its_index() throws Exception {
        World w = world();
        String since = Instant.now().minus(Duration.ofDays(1)).toString();
        String plan = planOfOnlyRead(w, Map.of("updated_at[gte]", since), w.tenant(), since, 0, PAGE_READ);
        assertTrue(Pattern.compile("Index Scan using mcp_participant_tenant_updated_idx on mcp_participant .*\\n"
                + "\\s*Index Cond: \\(\\(tenant_id = .*\\) AND \\(updated_at >= ").matcher(plan).find(), plan);
    }
}
