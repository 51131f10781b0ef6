package dev.sessionledger.messages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class SessionMessageResourceTest {

    @Inject
    DataSource dataSource;

    private UUID insert(String tenant, UUID session, String payload, String method) throws Exception {
        UUID id = PrefixedId.newUuid();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        insert into session_message (id, tenant_id, session_id, server_session_id, type, sender_type,
                            sender_id, method, payload, created_at)
                        values (?, ?, ?, ?, 'request', 'client', 'spt_0000000000000000000001', ?, ?::jsonb, ?)""")) {
            s.setObject(1, id);
            s.setString(2, tenant);
            s.setObject(3, session);
            s.setObject(4, new UUID(0, 7));
            s.setString(5, method);
            s.setString(6, payload);
            s.setTimestamp(7, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            s.executeUpdate();
        }
        return id;
    }

    @Test
    void lists_a_sessions_messages_in_the_metorial_shape() throws Exception {
        String tenant = TestTokens.newTenant();
        UUID session = PrefixedId.newUuid();
        UUID first = insert(tenant, session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", "tools/list");
        UUID second = insert(tenant, session, "{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}", "ping");
        String sessionId = PrefixedId.format("ses", session);

        given().auth().oauth2(TestTokens.admin(tenant)).when().get("/sessions/" + sessionId + "/messages").then()
                .statusCode(200)
                .body("items.id", contains(PrefixedId.format("smg", first), PrefixedId.format("smg", second)))
                .body("items[0].object", equalTo("session.message"))
                .body("items[0].type", equalTo("request"))
                .body("items[0].sender.object", equalTo("session.message.sender"))
                .body("items[0].sender.type", equalTo("client"))
                .body("items[0].mcp_message.object", equalTo("session.message.mcp_message"))
                .body("items[0].mcp_message.method", equalTo("tools/list"))
                .body("items[0].mcp_message.payload.jsonrpc", equalTo("2.0"))
                .body("items[0].mcp_message.payload.id", equalTo(1))
                .body("items[0].session_id", equalTo(sessionId))
                .body("items[0].server_session_id", equalTo(PrefixedId.format("spr", new UUID(0, 7))))
                .body("pagination.has_more_after", equalTo(false));
        given().auth().oauth2(TestTokens.admin(tenant)).queryParam("limit", 1).queryParam("order", "desc")
                .when().get("/sessions/" + sessionId + "/messages").then()
                .body("items.id", contains(PrefixedId.format("smg", second)))
                .body("pagination.has_more_after", equalTo(true));
    }

    /** One message of a new tenant's session, stored straight into the database: sessions-service knows neither. */
    private record Stored(String tenant, String session, String message) {
    }

    private Stored storedPing() throws Exception {
        String tenant = TestTokens.newTenant();
        UUID session = PrefixedId.newUuid();
        UUID message = insert(tenant, session, "{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}", "ping");
        return new Stored(tenant, PrefixedId.format("ses", session), PrefixedId.format("smg", message));
    }

    @Test
    void messages_of_one_tenant_are_invisible_to_another() throws Exception {
        Stored stored = storedPing();
        String stranger = TestTokens.admin(TestTokens.newTenant());

        given().auth().oauth2(stranger).when().get("/sessions/" + stored.session() + "/messages").then()
                .statusCode(404)
                .body("__typename", equalTo("error"))
                .body("code", equalTo("not_found"))
                .body("entity", equalTo("session"))
                .body("id", equalTo(stored.session()));
        given().auth().oauth2(stranger).when().get("/sessions/" + stored.session() + "/messages/" + stored.message())
                .then().statusCode(404).body("entity", equalTo("session")).body("id", equalTo(stored.session()));
    }

    @Test
    void a_page_with_messages_is_answered_without_asking_sessions_service() throws Exception {
        Stored stored = storedPing();
        String token = TestTokens.admin(stored.tenant());

        // sessions-service does not know this session: only the stored message can vouch for it.
        given().auth().oauth2(token).when().get("/sessions/" + stored.session() + "/messages").then()
                .statusCode(200).body("items.id", contains(stored.message()));
        given().auth().oauth2(token).when().get("/sessions/" + stored.session() + "/messages/" + stored.message()).then()
                .statusCode(200).body("id", equalTo(stored.message()));
        assertEquals(0, FakeSessionsService.lookupsOf(stored.session()));
    }

    @Test
    void an_unknown_session_is_404_and_a_known_one_without_messages_is_an_empty_page() {
        MessageFixtures f = new MessageFixtures();
        String unknown = PrefixedId.format("ses", PrefixedId.newUuid());
        given().auth().oauth2(f.token).when().get("/sessions/" + unknown + "/messages").then()
                .statusCode(404)
                .body("code", equalTo("not_found"))
                .body("entity", equalTo("session"))
                .body("id", equalTo(unknown));
        f.list(Map.of()).statusCode(200).body("items", empty())
                .body("pagination.has_more_before", equalTo(false))
                .body("pagination.has_more_after", equalTo(false));
        // A filter that matches nothing in a known session is still an empty page.
        f.recordNotifications(1);
        f.list(Map.of("type", "error")).statusCode(200).body("items", empty());
    }

    @Test
    void a_missing_message_is_404_for_the_message_in_a_known_session_and_for_the_session_in_an_unknown_one() {
        MessageFixtures f = new MessageFixtures();
        String missing = PrefixedId.format("smg", PrefixedId.newUuid());
        for (String messageId : List.of(missing, "smg_nope", "spt_0000000000000000000000")) {
            given().auth().oauth2(f.token).when().get(f.path() + "/" + messageId).then()
                    .statusCode(404)
                    .body("code", equalTo("not_found"))
                    .body("entity", equalTo("session.message"))
                    .body("id", equalTo(messageId));
            String unknown = PrefixedId.format("ses", PrefixedId.newUuid());
            given().auth().oauth2(f.token).when().get("/sessions/" + unknown + "/messages/" + messageId).then()
                    .statusCode(404)
                    .body("entity", equalTo("session"))
                    .body("id", equalTo(unknown));
        }
        String stored = f.recordNotifications(1).get(0);
        given().auth().oauth2(f.token).when().get(f.path() + "/" + stored).then().statusCode(200)
                .body("id", equalTo(stored));
    }

    @Test
    void when_sessions_service_cannot_answer_an_empty_page_is_503_with_retry_after_and_a_full_one_is_served() {
        MessageFixtures f = new MessageFixtures();
        MessageFixtures busy = new MessageFixtures();
        String stored = busy.recordNotifications(1).get(0);
        FakeSessionsService.halt();
        try {
            f.list(Map.of()).statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("__typename", equalTo("error"))
                    .body("code", equalTo("service_unavailable"));
            given().auth().oauth2(f.token).when().get(f.path() + "/" + PrefixedId.format("smg", PrefixedId.newUuid()))
                    .then().statusCode(503).header("Retry-After", equalTo("5"));
            busy.list(Map.of()).statusCode(200).body("items.id", contains(stored));
        } finally {
            FakeSessionsService.resume();
        }
        f.list(Map.of()).statusCode(200).body("items", empty());
    }

    @Test
    void a_malformed_session_id_is_404() {
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).when().get("/sessions/nope/messages").then()
                .statusCode(404)
                .body("code", equalTo("not_found"))
                .body("entity", equalTo("session"));
    }
}
