package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.sessions.realtime.RecordedStatements;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * EXPLAIN of the statements the participants list sends, recorded as it runs and planned as
 * PostgreSQL plans them for any values ({@link QueryPlans}): each must read from the index named.
 */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class ParticipantIndexUseTest {

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    /** A tenant with a session holding a client and a provider, and its token. */
    private record World(String token, String session, String client) {
    }

    private static World world() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        String client = McpFixtures.connect(token, session, "indexed").path("participant_id");
        McpFixtures.provider(token, session, "pro_indexed");
        return new World(token, session, client);
    }

    /** The plans of the participant reads one list request sends. */
    private List<String> plansOf(World w, Map<String, String> query) throws SQLException {
        return statements.plansOfReads(dataSource, "mcp_participant", () -> given().auth().oauth2(w.token())
                .queryParams(query).when().get("/session-participants").then().statusCode(200));
    }

    /** Asserts the plan reads participants from {@code index}, in its order: no sort step. */
    private static void assertScans(String index, String plan) {
        assertTrue(Pattern.compile("Index (Only )?Scan( Backward)? using " + index + " on mcp_participant ")
                .matcher(plan).find(), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    @Test
    void the_participants_list_pages_from_the_tenant_id_index_in_both_orders() throws Exception {
        World w = world();
        for (String order : List.of("asc", "desc")) {
            List<String> plans = plansOf(w, Map.of("order", order));
            assertEquals(1, plans.size(), plans.toString());
            assertScans("mcp_participant_tenant_id_idx", plans.get(0));
            for (String anchored : List.of("after", "before")) {
                for (String plan : plansOf(w, Map.of("order", order, anchored, w.client()))) {
                    assertScans("mcp_participant_tenant_id_idx", plan);
                }
            }
        }
    }

    @Test
    void the_type_filter_is_served_with_the_id_order() throws Exception {
        World w = world();
        for (String plan : plansOf(w, Map.of("type", "provider"))) {
            assertScans("mcp_participant_tenant_type_idx", plan);
        }
    }

    @Test
    void the_session_filter_reaches_connections_and_server_sessions_by_index() throws Exception {
        World w = world();
        for (String plan : plansOf(w, Map.of("session_id", w.session()))) {
            assertTrue(plan.contains(" using mcp_connection_session_idx on mcp_connection "), plan);
            assertTrue(plan.contains(" using mcp_session_provider_session_idx on mcp_session_provider "), plan);
        }
    }

    /** The index finds the range; its rows then need sorting into id order, which no index of a range can give. */
    @Test
    void the_updated_at_range_is_served_by_its_index() throws Exception {
        World w = world();
        for (String plan : plansOf(w, Map.of("updated_at[gte]", "2025-01-01T00:00:00Z"))) {
            assertTrue(Pattern.compile("Index Scan using mcp_participant_tenant_updated_idx on mcp_participant .*\\n"
                    + "\\s*Index Cond: \\(\\(tenant_id = \\$1\\) AND \\(updated_at >= \\$2\\)\\)").matcher(plan).find(),
                    plan);
        }
    }
}
