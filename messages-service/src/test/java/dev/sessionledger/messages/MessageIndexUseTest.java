package dev.sessionledger.messages;

import static dev.sessionledger.messages.MessageFixtures.notification;
import static dev.sessionledger.messages.MessageFixtures.request;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;

/**
 * EXPLAIN of the statements the message list (and get, and the sender and totals look-ups) sends, captured as it runs: each must walk the index
 * its filter names (see V2), in id order, with sequential scans priced out so that the tiny test
 * tables do not hide a missing index. The statements carry their parameters as placeholders, so each
 * is planned as PostgreSQL plans a prepared statement it has no values for (a generic plan).
 */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class MessageIndexUseTest {

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    /** A session with a few messages in a run, and the ids of two of them to page from. */
    private static MessageFixtures session() {
        MessageFixtures f = new MessageFixtures();
        Map<String, Object> inRun = new HashMap<>(f.message("client", request(1, "tools/list")));
        inRun.put("provider_run_id", f.run);
        f.post(List.of(inRun, f.message("client", notification("a")), f.message("client", notification("b"))))
                .statusCode(201);
        return f;
    }

    /** The plans of the message reads one list request sends. */
    private List<String> plansOf(MessageFixtures f, Map<String, Object> query) {
        return plansOfReads(() -> f.list(query).statusCode(200));
    }

    private String genericPlan(String sql) {
        try {
            return QueryPlans.explain(dataSource, sql);
        } catch (SQLException e) {
            throw new AssertionError("EXPLAIN failed for " + sql, e);
        }
    }

    private static void assertScans(String index, String plan) {
        assertTrue(Pattern.compile("Index (Only )?Scan( Backward)? using " + index + " on session_message ")
                .matcher(plan).find(), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    /** Every read of the list, first page and pages from an anchor, in both orders. */
    private void assertEveryReadScans(String index, MessageFixtures f, Map<String, Object> filter) {
        String anchor = f.list(Map.of()).extract().path("items[1].id");
        for (String order : List.of("asc", "desc")) {
            Map<String, Object> first = new HashMap<>(filter);
            first.put("order", order);
            List<String> plans = plansOf(f, first);
            assertEquals(1, plans.size(), plans.toString());
            assertScans(index, plans.get(0));
            for (String anchored : List.of("after", "before")) {
                Map<String, Object> query = new HashMap<>(first);
                query.put(anchored, anchor);
                for (String plan : plansOf(f, query)) {
                    assertScans(index, plan);
                }
            }
        }
    }

    /** The reads {@code request} sent, each planned. */
    private List<String> plansOfReads(Runnable request) {
        List<String> reads = statements.during(request).stream()
                .filter(sql -> sql.startsWith("select") && sql.contains("from session_message"))
                .toList();
        assertFalse(reads.isEmpty(), "no message read");
        return reads.stream().map(this::genericPlan).toList();
    }

    @Test
    void the_get_and_the_sender_lookup_read_messages_by_id() {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.recordNotifications(2);
        List<String> plans = new ArrayList<>(plansOfReads(() -> given().auth().oauth2(f.token).when()
                .get(f.path() + "/" + ids.get(0)).then().statusCode(200)));
        plans.addAll(plansOfReads(() -> given().auth().oauth2(f.token).queryParam("message_id", ids.get(0), ids.get(1))
                .when().get("/internal/mcp/messages/senders").then().statusCode(200)));
        for (String plan : plans) {
            assertTrue(Pattern.compile("Index (Only )?Scan using session_message_\\w+ on session_message .*\\n"
                    + "\\s*Index Cond: .*\\(id (= \\$\\d|= ANY)").matcher(plan).find(), plan);
        }
    }

    @Test
    void the_totals_read_probes_the_primary_key_with_tenant_and_sessions() {
        MessageFixtures f = new MessageFixtures();
        f.recordNotifications(1);
        List<String> reads = statements.during(() -> given().auth().oauth2(f.token)
                .queryParam("session_id", f.session, PrefixedId.format("ses", PrefixedId.newUuid()))
                .when().get("/internal/mcp/messages/totals").then().statusCode(200)).stream()
                .filter(sql -> sql.startsWith("select") && sql.contains("from session_message_total"))
                .toList();
        assertEquals(1, reads.size(), reads.toString());
        String plan = genericPlan(reads.get(0));
        assertTrue(Pattern.compile("Index Scan using session_message_total_pkey on session_message_total .*\\n"
                + "\\s*Index Cond: \\(\\(tenant_id = \\$1\\) AND \\(session_id = ANY").matcher(plan).find(), plan);
    }

    @Test
    void an_unfiltered_list_pages_from_the_session_index() {
        MessageFixtures f = session();
        assertEveryReadScans("session_message_session_idx", f, Map.of());
    }

    @Test
    void the_type_filter_is_served_with_the_id_order() {
        MessageFixtures f = session();
        assertEveryReadScans("session_message_type_idx", f, Map.of("type", "notification"));
    }

    @Test
    void the_server_session_filter_is_served_with_the_id_order() {
        MessageFixtures f = session();
        assertEveryReadScans("session_message_server_session_idx", f,
                Map.of("session_provider_id", f.serverSession, "type", "notification"));
    }

    @Test
    void the_provider_run_filter_wins_over_the_others_and_is_served_with_the_id_order() {
        MessageFixtures f = session();
        assertEveryReadScans("session_message_provider_run_idx", f,
                Map.of("provider_run_id", f.run, "session_provider_id", f.serverSession, "type", "request"));
    }

    @Test
    void several_values_of_a_filter_are_checked_on_the_rows_of_the_session_index() {
        MessageFixtures f = session();
        assertEveryReadScans("session_message_session_idx", f, Map.of("type", List.of("request", "notification")));
    }
}
