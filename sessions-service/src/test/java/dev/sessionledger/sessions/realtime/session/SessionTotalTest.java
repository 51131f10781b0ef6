package dev.sessionledger.sessions.realtime.session;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;

import dev.sessionledger.commons.testing.Concurrently;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.sessions.realtime.RealtimeApi;
import dev.sessionledger.sessions.realtime.RecordedStatements;

/**
 * The session list's {@code paging.total_count}: for the whole app the count migration V9's
 * triggers keep in the transaction of every insert and delete of a session, for a filtered list
 * the count of what it matches. Either way it is the number of sessions there are.
 */
@QuarkusTest
@ServiceTest
class SessionTotalTest {

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    private static int total(RealtimeApi api, Map<String, Object> filters) {
        return api.auth().queryParams(filters).when().get(api.sessions()).then().statusCode(200).extract()
                .path("paging.total_count");
    }

    private long counted(RealtimeApi api) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from rtk_session where tenant_id = ?"
                        + " and app_id = ?")) {
            ps.setString(1, api.tenant);
            ps.setString(2, api.app);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void the_total_follows_creates_retried_creates_and_deletes() throws Exception {
        RealtimeApi api = new RealtimeApi();
        assertEquals(0, total(api, Map.of()), "an app without sessions");
        String first = api.start("m-1", "One", at(0));
        api.start("m-2", "Two", at(1));
        String id = UUID.randomUUID().toString();
        Map<String, Object> retried = Map.of("id", id, "associated_id", "m-3");
        api.auth().body(retried).when().post(api.sessions()).then().statusCode(201);
        api.auth().body(retried).when().post(api.sessions()).then().statusCode(200);
        api.otherApp().auth().body(retried).when().post(api.otherApp().sessions()).then().statusCode(409);
        assertEquals(3, total(api, Map.of()));
        assertEquals(counted(api), total(api, Map.of()));

        // No API deletes a session; a row removed by hand (or by a retention job) still leaves the count.
        execute("delete from rtk_session where tenant_id = ? and id = ?", api.tenant, UUID.fromString(first));
        assertEquals(2, total(api, Map.of()));
        assertEquals(counted(api), total(api, Map.of()));
        RealtimeApi other = api.otherApp();
        other.start("m-1", "Elsewhere", at(0));
        assertEquals(1, total(other, Map.of()));
        assertEquals(2, total(api, Map.of()), "another app's sessions are its own");
    }

    @Test
    void concurrent_starts_in_one_app_lose_no_count() throws Exception {
        RealtimeApi api = new RealtimeApi();
        int starts = 12;
        List<Integer> answers = Concurrently.times(starts, () -> api.auth()
                .body(Map.of("associated_id", "m", "started_at", at(0).toString())).when().post(api.sessions())
                .then().extract().statusCode());
        assertEquals(List.of(201), answers.stream().distinct().toList(), "every start made its session");
        assertEquals(starts, total(api, Map.of()));
        assertEquals(counted(api), total(api, Map.of()));
        api.start("m", "One more", at(1));
        assertEquals(starts + 1, total(api, Map.of()));
    }

    @Test
    void an_unfiltered_page_counts_no_sessions_and_a_filtered_one_counts_what_it_matches() throws Exception {
        RealtimeApi api = new RealtimeApi();
        String live = api.start("m-1", "Standup", at(0));
        for (int i = 0; i < 3; i++) {
            api.end(api.start("m-2", "Review " + i, at(i + 1)), at(30)).statusCode(200);
        }
        List<String> unfiltered = statements.during(() -> api.auth().queryParam("per_page", 2).when()
                .get(api.sessions()).then().statusCode(200).body("paging.total_count", equalTo(4)));
        assertFalse(unfiltered.stream().anyMatch(SessionTotalTest::countsSessions), unfiltered.toString());
        assertTrue(unfiltered.stream().anyMatch(sql -> sql.contains("rtk_app_session_count")), unfiltered.toString());

        List<String> filtered = statements.during(() -> api.auth().queryParam("status", "ENDED").when()
                .get(api.sessions()).then().statusCode(200).body("paging.total_count", equalTo(3)));
        assertTrue(filtered.stream().anyMatch(SessionTotalTest::countsSessions), filtered.toString());
        assertEquals(1, total(api, Map.of("status", "LIVE")));
        assertEquals(3, total(api, Map.of("associated_id", "m-2")));
        assertEquals(1, total(api, Map.of("search", live)));
        assertEquals(2, total(api, Map.of("start_time", at(2).toString())));
        assertEquals(0, total(api, Map.of("participants", "1:")));
        assertEquals(4, total(api, Map.of("sort_by", "minutesConsumed", "sort_order", "ASC")),
                "an order is no filter");
    }

    @Test
    void a_session_cannot_move_to_another_app_which_would_leave_the_counts_wrong() {
        RealtimeApi api = new RealtimeApi();
        String id = api.start("m", "t", at(0));
        SQLException refused = assertThrows(SQLException.class, () -> execute(
                "update rtk_session set app_id = 'elsewhere' where tenant_id = ? and id = ?", api.tenant,
                UUID.fromString(id)));
        assertTrue(refused.getMessage().contains("cannot move to another app"), refused.getMessage());
        assertEquals(1, total(api, Map.of()));
    }

    private static boolean countsSessions(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("count(") && lower.contains("from rtk_session ");
    }
}
