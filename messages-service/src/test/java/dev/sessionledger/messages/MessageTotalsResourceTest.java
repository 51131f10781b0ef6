package dev.sessionledger.messages;

import static dev.sessionledger.messages.MessageFixtures.error;
import static dev.sessionledger.messages.MessageFixtures.notification;
import static dev.sessionledger.messages.MessageFixtures.request;
import static dev.sessionledger.messages.MessageFixtures.response;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;

/**
 * The internal read of session totals: what the triggers of V3 keep as batches are stored (each
 * message once, whatever is retried), read within the caller's tenant only.
 */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class MessageTotalsResourceTest {

    private static final String PATH = "/internal/mcp/messages/totals";

    @Inject
    DataSource dataSource;

    private static Map<String, Object> keyed(Map<String, Object> message, String key, String createdAt) {
        Map<String, Object> keyedMessage = new HashMap<>(message);
        keyedMessage.put("idempotency_key", key);
        keyedMessage.put("created_at", createdAt);
        return keyedMessage;
    }

    private static ValidatableResponse totals(String token, Object... sessionIds) {
        return given().auth().oauth2(token).queryParam("session_id", sessionIds).when().get(PATH).then();
    }

    @Test
    void counts_each_stored_message_once_by_sender_with_errors_and_first_and_last_times() {
        MessageFixtures f = new MessageFixtures();
        List<Map<String, Object>> first = List.of(
                keyed(f.message("client", request(1, "tools/list")), "k1", "2025-03-01T10:00:02Z"),
                keyed(f.message("server", response(1)), "k2", "2025-03-01T10:00:03Z"),
                keyed(f.message("client", request(2, "tools/call")), "k3", "2025-03-01T10:00:04Z"),
                keyed(f.message("server", error(2)), "k4", "2025-03-01T10:00:05Z"));
        f.post(first).statusCode(201);
        totals(f.token, f.session).statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].session_id", equalTo(f.session))
                .body("items[0].message_count", equalTo(4))
                .body("items[0].client_message_count", equalTo(2))
                .body("items[0].server_message_count", equalTo(2))
                .body("items[0].error_count", equalTo(1))
                .body("items[0].first_message_at", equalTo("2025-03-01T10:00:02Z"))
                .body("items[0].last_message_at", equalTo("2025-03-01T10:00:05Z"));

        // The whole batch again, as a retrying gateway sends it, with one message it had not sent
        // before, earlier than all: only that one is stored, so only it is counted.
        List<Map<String, Object>> retried = new ArrayList<>(first);
        retried.add(keyed(f.message("client", notification("notifications/cancelled")), "k5", "2025-03-01T10:00:01Z"));
        f.post(retried).statusCode(201);
        // And a message in a batch of its own twice over, with no key the second time: a new message.
        f.post(List.of(keyed(f.message("server", error(3)), "k6", "2025-03-01T10:00:09Z"))).statusCode(201);
        f.post(List.of(keyed(f.message("server", error(3)), "k6", "2025-03-01T10:00:09Z"))).statusCode(201);
        f.post(List.of(f.message("client", notification("unkeyed")))).statusCode(201);

        int stored = f.list(Map.of("limit", 100)).statusCode(200).extract().jsonPath().getList("items").size();
        totals(f.token, f.session).statusCode(200)
                .body("items[0].message_count", equalTo(stored))
                .body("items[0].message_count", equalTo(7))
                .body("items[0].client_message_count", equalTo(4))
                .body("items[0].server_message_count", equalTo(3))
                .body("items[0].error_count", equalTo(2))
                .body("items[0].first_message_at", equalTo("2025-03-01T10:00:01Z"));
    }

    @Test
    void answers_only_sessions_of_the_callers_tenant_that_hold_messages() {
        MessageFixtures f = new MessageFixtures();
        f.recordNotifications(3);
        MessageFixtures second = new MessageFixtures();
        String empty = PrefixedId.format("ses", PrefixedId.newUuid());
        // Another tenant's session under the same id, with messages of its own.
        String otherTenant = TestTokens.newTenant();
        FakeSessionsService.register(otherTenant, f.session, f.serverSession, f.run);
        given().auth().oauth2(TestTokens.admin(otherTenant)).contentType("application/json")
                .body(Map.of("messages", List.of(f.message("server", notification("theirs")))))
                .when().post(f.path()).then().statusCode(201);

        totals(f.token, f.session, second.session, empty).statusCode(200)
                .body("items.session_id", contains(f.session))
                .body("items[0].message_count", equalTo(3));
        totals(TestTokens.member("someone", otherTenant), f.session).statusCode(200)
                .body("items.session_id", contains(f.session))
                .body("items[0].message_count", equalTo(1))
                .body("items[0].client_message_count", equalTo(0))
                .body("items[0].server_message_count", equalTo(1));
        totals(TestTokens.admin(TestTokens.newTenant()), f.session).statusCode(200).body("items", empty());
    }

    @Test
    void takes_every_qs_form_and_answers_a_session_named_twice_once() {
        MessageFixtures f = new MessageFixtures();
        f.recordNotifications(1);
        given().auth().oauth2(f.token).queryParam("session_id[0]", f.session).queryParam("session_id[1]", f.session)
                .when().get(PATH).then().statusCode(200).body("items.session_id", contains(f.session));
        given().auth().oauth2(f.token).queryParam("session_id[]", f.session).when().get(PATH).then()
                .statusCode(200).body("items.session_id", contains(f.session));
        totals(f.token, f.session, f.session).statusCode(200).body("items", hasSize(1));
    }

    @Test
    void a_malformed_id_none_or_more_than_a_hundred_is_a_400_naming_session_id() {
        String token = TestTokens.admin(TestTokens.newTenant());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(PrefixedId.format("ses", PrefixedId.newUuid()));
        }
        for (Object[] ids : new Object[][] { { "nonsense" }, { PrefixedId.format("smg", PrefixedId.newUuid()) },
                { PrefixedId.format("ses", PrefixedId.newUuid()), "ses_bad" }, many.toArray() }) {
            totals(token, ids).statusCode(400)
                    .body("__typename", equalTo("error"))
                    .body("ok", equalTo(false))
                    .body("code", equalTo("invalid_data"))
                    .body("errors[0].path[0]", equalTo("session_id"));
        }
        given().auth().oauth2(token).when().get(PATH).then().statusCode(400)
                .body("code", equalTo("invalid_data")).body("errors[0].path[0]", equalTo("session_id"));
    }

    @Test
    void needs_a_token() {
        given().queryParam("session_id", "ses_0000000000000000000000").when().get(PATH).then()
                .statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void a_delete_of_messages_counts_their_session_again_and_a_change_of_what_is_counted_is_refused()
            throws SQLException {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.post(List.of(
                keyed(f.message("client", request(1, "a")), "d1", "2025-03-01T10:00:01Z"),
                keyed(f.message("server", error(1)), "d2", "2025-03-01T10:00:02Z"),
                keyed(f.message("client", notification("b")), "d3", "2025-03-01T10:00:03Z")))
                .statusCode(201).extract().jsonPath().getList("items.id", String.class);

        execute("delete from session_message where id = ?", PrefixedId.parse("smg", ids.get(2)).orElseThrow());
        totals(f.token, f.session).statusCode(200)
                .body("items[0].message_count", equalTo(2))
                .body("items[0].client_message_count", equalTo(1))
                .body("items[0].error_count", equalTo(1))
                .body("items[0].last_message_at", equalTo("2025-03-01T10:00:02Z"));

        UUID error = PrefixedId.parse("smg", ids.get(1)).orElseThrow();
        assertThrows(SQLException.class, () -> execute("update session_message set type = 'response' where id = ?", error));
        execute("update session_message set method = method where id = ?", error);

        execute("delete from session_message where tenant_id = ? and session_id = ?", f.tenant,
                PrefixedId.parse("ses", f.session).orElseThrow());
        totals(f.token, f.session).statusCode(200).body("items", empty());
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
