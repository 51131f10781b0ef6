package dev.sessionledger.messages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
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

    @Test
    void messages_of_one_tenant_are_invisible_to_another() throws Exception {
        String tenant = TestTokens.newTenant();
        UUID session = PrefixedId.newUuid();
        insert(tenant, session, "{\"jsonrpc\":\"2.0\",\"method\":\"ping\"}", "ping");

        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant()))
                .when().get("/sessions/" + PrefixedId.format("ses", session) + "/messages").then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void a_malformed_session_id_is_404() {
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).when().get("/sessions/nope/messages").then()
                .statusCode(404)
                .body("code", equalTo("not_found"))
                .body("entity", equalTo("session"));
    }
}
