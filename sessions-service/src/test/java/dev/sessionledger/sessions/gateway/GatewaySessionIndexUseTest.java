package dev.sessionledger.sessions.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.mcp.FakeMessagesService;
import dev.sessionledger.sessions.realtime.RecordedStatements;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** EXPLAIN of what the gateway's session reads and the idle sweep send, planned for any values. */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class GatewaySessionIndexUseTest {

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    @Inject
    IdleSessionSweep sweep;

    @Test
    void the_idle_sweep_reads_the_partial_deadline_index_in_order() throws SQLException {
        for (String plan : statements.plansOfReads(dataSource, "mcp_gateway_session", sweep::sweep)) {
            assertTrue(plan.contains("Index Scan using mcp_gateway_session_idle_idx on mcp_gateway_session"), plan);
            assertFalse(plan.contains("Sort"), plan);
        }
    }

    @Test
    void a_session_is_read_and_touched_by_its_primary_key() throws SQLException {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = GatewaySessionApiTest.open(token, GatewaySessionApiTest.provider(token, "best_effort"), 60)
                .then().statusCode(201).extract().path("session_id");
        for (Runnable request : List.<Runnable>of(
                () -> given().auth().oauth2(token).when().get("/internal/gateway/sessions/" + session).then().statusCode(200),
                () -> given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                        .when().post("/internal/gateway/sessions/" + session + "/activity").then().statusCode(200))) {
            // The idle sweep runs on its own schedule and may read the table meanwhile; its plan is
            // the test above's.
            List<String> reads = statements.during(request).stream()
                    .filter(sql -> sql.startsWith("select") && sql.contains(" from mcp_gateway_session ")
                            && !sql.contains("skip locked"))
                    .toList();
            assertFalse(reads.isEmpty(), "the request reads the session");
            for (String read : reads) {
                String plan = QueryPlans.explain(dataSource, read);
                assertTrue(plan.contains("Index Scan using mcp_gateway_session_pkey on mcp_gateway_session"), plan);
            }
        }
    }
}
