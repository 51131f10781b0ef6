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

import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.realtime.RecordedStatements;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * EXPLAIN of the statements the MCP gets and the internal session look-up send, recorded as they
 * run and planned for any values ({@link QueryPlans}): each reads one row by its id, probing an
 * index with it; what a session list or get shows beside each session (clients, providers) is read
 * for the whole page from an index on tenant and session, in its order.
 */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class McpGetIndexUseTest {

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    private record World(String token, String session, String client, String serverSession, String run) {
    }

    private static World world() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        String client = McpFixtures.connect(token, session, "indexed-get").path("participant_id");
        String serverSession = McpFixtures.provider(token, session, "pro_indexed_get").path("id");
        String run = given().auth().oauth2(token).when()
                .post("/sessions/" + session + "/providers/" + serverSession + "/runs").then().statusCode(201)
                .extract().path("id");
        return new World(token, session, client, serverSession, run);
    }

    /** Asserts the plan reads {@code table} from an index whose condition names the row's id. */
    private static void assertById(String table, String plan) {
        assertTrue(Pattern.compile("Index (Only )?Scan using " + table + "_\\w+ on " + table + " .*\\n"
                + "\\s*Index Cond: .*\\(id = \\$\\d\\)").matcher(plan).find(), plan);
    }

    private List<String> plansOf(String table, String token, String path, Map<String, String> query)
            throws SQLException {
        return statements.plansOfReads(dataSource, table, () -> given().auth().oauth2(token).queryParams(query).when()
                .get(path).then().statusCode(200));
    }

    @Test
    void the_gets_read_one_row_by_id() throws Exception {
        World w = world();
        for (String plan : plansOf("mcp_session", w.token(), "/sessions/" + w.session(), Map.of())) {
            assertById("mcp_session", plan);
        }
        for (String plan : plansOf("mcp_participant", w.token(), "/session-participants/" + w.client(), Map.of())) {
            assertById("mcp_participant", plan);
        }
        for (String plan : plansOf("mcp_session_provider", w.token(),
                "/sessions/" + w.session() + "/providers/" + w.serverSession(), Map.of())) {
            assertById("mcp_session_provider", plan);
        }
    }

    @Test
    void the_list_and_the_get_read_a_pages_clients_and_providers_from_their_session_indexes() throws Exception {
        World w = world();
        McpFixtures.connect(w.token(), McpFixtures.session(w.token()), "indexed-page");
        for (String path : List.of("/sessions", "/sessions/" + w.session())) {
            for (String[] read : new String[][] { { "mcp_connection", "mcp_connection_tenant_session_idx" },
                    { "mcp_session_provider", "mcp_session_provider_tenant_session_idx" } }) {
                List<String> plans = plansOf(read[0], w.token(), path, Map.of());
                assertEquals(1, plans.size(), plans.toString());
                assertTrue(Pattern.compile("Index Scan using " + read[1] + " on " + read[0] + " .*\\n"
                        + "\\s*Index Cond: \\(\\(tenant_id = \\$1\\) AND \\(session_id = (ANY|\\$2\\))")
                        .matcher(plans.get(0)).find(), plans.get(0));
                assertFalse(plans.get(0).contains("Sort"), plans.get(0));
            }
        }
    }

    @Test
    void the_internal_lookup_reads_each_record_by_id() throws Exception {
        World w = world();
        String path = "/internal/mcp/sessions/" + w.session();
        Map<String, String> both = Map.of("server_session_id", w.serverSession(), "provider_run_id", w.run());
        for (String table : List.of("mcp_session", "mcp_session_provider", "mcp_provider_run")) {
            List<String> plans = plansOf(table, w.token(), path, both);
            assertEquals(1, plans.size(), plans.toString());
            assertById(table, plans.get(0));
        }
        for (String plan : plansOf("mcp_provider_run", w.token(), path, Map.of("provider_run_id", w.run()))) {
            assertById("mcp_provider_run", plan);
        }
    }
}
