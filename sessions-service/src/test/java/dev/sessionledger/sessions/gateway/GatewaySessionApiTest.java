package dev.sessionledger.sessions.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.mcp.FakeMessagesService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The gateway's internal session API, over HTTP against the real database. */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class GatewaySessionApiTest {

    private static final String INITIALIZE = "{\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
            + "\"clientInfo\":{\"name\":\"claude-code\",\"title\":\"Claude Code\",\"version\":\"2.1.0\"}}}";

    @Inject
    DataSource dataSource;

    @Inject
    IdleSessionSweep sweep;

    static String provider(String token, String mode) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Files\",\"upstream_url\":\"https://mcp.example.com/files\",\"recording_mode\":\"" + mode + "\"}")
                .when().post("/providers").then().statusCode(201).extract().path("id");
    }

    static Response open(String token, String provider, int idleSeconds) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"provider_id\":\"" + provider + "\",\"initialize\":" + INITIALIZE + ",\"idle_timeout_seconds\":"
                        + idleSeconds + "}")
                .when().post("/internal/gateway/sessions");
    }

    @Test
    void opening_makes_the_session_its_connection_participants_server_session_and_run_together() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String provider = provider(token, "audit");
        ExtractableResponse<Response> opened = open(token, provider, 600).then().extract();
        assertEquals(201, opened.statusCode(), opened.asString());
        String session = opened.path("session_id");
        assertEquals("active", opened.path("status"));
        assertEquals(provider, opened.path("provider_id"));
        assertEquals("audit", opened.path("recording_mode"));
        int idle = opened.path("idle_timeout_seconds");
        assertEquals(600, idle);
        assertEquals(null, (String) opened.path("upstream_session_id"));

        given().auth().oauth2(token).when().get("/sessions/" + session).then().statusCode(200)
                .body("status", equalTo("active")).body("connection_status", equalTo("connected"))
                .body("metadata.gateway_provider_id", equalTo(provider));
        given().auth().oauth2(token).when().get("/sessions/" + session + "/providers/" + opened.path("server_session_id"))
                .then().statusCode(200).body("provider_id", equalTo(provider)).body("name", equalTo("Files"))
                .body("participant_id", equalTo(opened.path("server_participant_id")));
        given().auth().oauth2(token).queryParam("session_id", (Object) session).when().get("/session-participants").then()
                .statusCode(200).body("items.id", hasItem((String) opened.path("client_participant_id")))
                .body("items.id", hasItem((String) opened.path("server_participant_id")))
                .body("items.find { it.type == 'mcp_client' }.name", equalTo("Claude Code"));
        given().auth().oauth2(token).queryParam("server_session_id", (Object) opened.path("server_session_id"))
                .queryParam("provider_run_id", (Object) opened.path("provider_run_id"))
                .when().get("/internal/mcp/sessions/" + session).then().statusCode(200);
        given().auth().oauth2(token).when().get("/internal/gateway/sessions/" + session).then().statusCode(200)
                .body("connection_id", equalTo(opened.path("connection_id")))
                .body("provider_run_id", equalTo(opened.path("provider_run_id")));
    }

    @Test
    void an_unknown_provider_or_another_tenants_opens_nothing_and_bad_input_is_a_400_naming_the_field() throws SQLException {
        String token = TestTokens.admin(TestTokens.newTenant());
        String theirs = provider(TestTokens.admin(TestTokens.newTenant()), "best_effort");
        long before = count("SELECT count(*) FROM mcp_session");
        open(token, theirs, 60).then().statusCode(404).body("code", equalTo("not_found"));
        open(token, "pro_nothing", 60).then().statusCode(404);
        open(token, provider(token, "best_effort"), 0).then().statusCode(400)
                .body("errors.collect { it.path.join('.') }", hasItem("idle_timeout_seconds"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"provider_id\":\"" + provider(token, "best_effort") + "\",\"idle_timeout_seconds\":60,"
                        + "\"initialize\":{\"method\":\"initialize\",\"params\":{\"clientInfo\":{}}}}")
                .when().post("/internal/gateway/sessions").then().statusCode(400)
                .body("errors.collect { it.path.join('.') }", hasItem("initialize.params.clientInfo.name"));
        assertEquals(before, count("SELECT count(*) FROM mcp_session"));
    }

    @Test
    void activity_keeps_the_upstream_session_and_moves_the_deadline_and_the_session_is_the_tenants_alone() {
        String token = TestTokens.admin(TestTokens.newTenant());
        ExtractableResponse<Response> opened = open(token, provider(token, "best_effort"), 600).then().extract();
        String session = opened.path("session_id");
        Instant deadline = Instant.parse(opened.path("idle_deadline"));
        ExtractableResponse<Response> touched = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"upstream_session_id\":\"up-7f3a\"}")
                .when().post("/internal/gateway/sessions/" + session + "/activity").then().statusCode(200).extract();
        assertEquals("up-7f3a", touched.path("upstream_session_id"));
        assertTrue(!Instant.parse(touched.path("idle_deadline")).isBefore(deadline));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"upstream_session_id\":\"has space\"}")
                .when().post("/internal/gateway/sessions/" + session + "/activity").then().statusCode(400)
                .body("errors.collect { it.path.join('.') }", hasItem("upstream_session_id"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/internal/gateway/sessions/" + session + "/activity").then().statusCode(200)
                .body("upstream_session_id", equalTo("up-7f3a"));

        String other = TestTokens.admin(TestTokens.newTenant());
        given().auth().oauth2(other).when().get("/internal/gateway/sessions/" + session).then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{}")
                .when().post("/internal/gateway/sessions/" + session + "/activity").then().statusCode(404);
        given().auth().oauth2(other).when().post("/internal/gateway/sessions/" + session + "/end").then().statusCode(404);
        given().auth().oauth2(token).when().get("/internal/gateway/sessions/ses_malformed").then().statusCode(404);
    }

    @Test
    void ending_disconnects_and_stops_the_run_once_and_a_session_ended_through_the_public_api_is_ended_here_too() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String provider = provider(token, "best_effort");
        ExtractableResponse<Response> opened = open(token, provider, 600).then().extract();
        String session = opened.path("session_id");
        given().auth().oauth2(token).when().post("/internal/gateway/sessions/" + session + "/end").then().statusCode(200)
                .body("status", equalTo("ended")).body("ended_at", notNullValue());
        given().auth().oauth2(token).when().post("/internal/gateway/sessions/" + session + "/end").then().statusCode(200)
                .body("status", equalTo("ended"));
        given().auth().oauth2(token).when().get("/sessions/" + session).then()
                .body("status", equalTo("ended")).body("connection_status", equalTo("disconnected"));
        given().auth().oauth2(token).when().get("/sessions/" + session + "/providers/" + opened.path("server_session_id")
                + "/runs/" + opened.path("provider_run_id")).then().statusCode(404);

        String second = open(token, provider, 600).path("session_id").toString();
        given().auth().oauth2(token).when().post("/sessions/" + second + "/end").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/internal/gateway/sessions/" + second + "/activity").then().statusCode(200)
                .body("status", equalTo("ended"));
    }

    @Test
    void the_sweep_ends_sessions_idle_past_their_deadline_and_leaves_the_others() throws SQLException {
        String token = TestTokens.admin(TestTokens.newTenant());
        String provider = provider(token, "best_effort");
        String idle = open(token, provider, 60).path("session_id").toString();
        String busy = open(token, provider, 60).path("session_id").toString();
        execute("UPDATE mcp_gateway_session SET idle_deadline = now() - interval '1 second' WHERE session_id = ?",
                IdPrefix.SESSION.existing(idle, "session"));

        assertTrue(sweep.sweep() >= 1);

        given().auth().oauth2(token).when().get("/internal/gateway/sessions/" + idle).then()
                .body("status", equalTo("ended"));
        given().auth().oauth2(token).when().get("/sessions/" + idle).then().body("status", equalTo("ended"))
                .body("connection_status", equalTo("disconnected"));
        given().auth().oauth2(token).when().get("/internal/gateway/sessions/" + busy).then()
                .body("status", equalTo("active")).body("ended_at", nullValue());
        given().auth().oauth2(token).when().get("/sessions/" + busy).then().body("status", equalTo("active"))
                .body("id", matchesPattern("ses_.+"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                var rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            assertEquals(List.of(1).size(), s.executeUpdate());
        }
    }
}
