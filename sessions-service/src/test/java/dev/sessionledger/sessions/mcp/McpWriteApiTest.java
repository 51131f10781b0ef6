package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.Concurrently;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class McpWriteApiTest {

    @Test
    void parallel_starts_with_one_idempotency_key_make_one_session_and_no_error() throws Exception {
        String token = TestTokens.admin(TestTokens.newTenant());
        String key = "retry-" + UUID.randomUUID();
        List<ExtractableResponse<Response>> answers = Concurrently.times(16, () -> given().auth().oauth2(token)
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"metadata\":{\"n\":1}}")
                .when().post("/sessions").then().extract());

        assertEquals(Set.of(201), answers.stream().map(ExtractableResponse::statusCode).collect(Collectors.toSet()));
        assertEquals(1, answers.stream().map(a -> a.path("id")).distinct().count());
    }

    @Test
    void parallel_connections_and_providers_with_one_idempotency_key_are_one_each() throws Exception {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        List<ExtractableResponse<Response>> connections = Concurrently.times(8, () -> given().auth().oauth2(token)
                .header("Idempotency-Key", "c-1").contentType(ContentType.JSON)
                .body(McpFixtures.initialize("racer", "Racer", "1.0.0"))
                .when().post("/sessions/" + session + "/connections").then().extract());
        List<ExtractableResponse<Response>> providers = Concurrently.times(8, () -> given().auth().oauth2(token)
                .header("Idempotency-Key", "p-1").contentType(ContentType.JSON)
                .body("{\"provider_id\":\"pro_race\"}")
                .when().post("/sessions/" + session + "/providers").then().extract());

        for (List<ExtractableResponse<Response>> answers : List.of(connections, providers)) {
            assertEquals(Set.of(201), answers.stream().map(ExtractableResponse::statusCode).collect(Collectors.toSet()));
            assertEquals(1, answers.stream().map(a -> a.path("id")).distinct().count());
        }
        given().auth().oauth2(token).when()
                .post("/sessions/" + session + "/connections/" + connections.get(0).path("id") + "/disconnect")
                .then().statusCode(200);
        given().auth().oauth2(token).when().get("/sessions/" + session).then()
                .body("connection_status", equalTo("disconnected"));
    }

    @Test
    void a_connection_records_the_client_as_a_participant_from_its_initialize_request() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(McpFixtures.initialize("claude-desktop", "Claude Desktop", "0.9.2"))
                .when().post("/sessions/" + session + "/connections").then()
                .statusCode(201)
                .body("object", equalTo("session.connection"))
                .body("id", matchesPattern("sco_[0-9A-Za-z]{22}"))
                .body("session_id", equalTo(session))
                .body("transport", equalTo("streamable_http"))
                .body("protocol_version", equalTo("2025-06-18"))
                .body("client.name", equalTo("claude-desktop"))
                .body("client.title", equalTo("Claude Desktop"))
                .body("client.version", equalTo("0.9.2"))
                .body("state", equalTo("connected"))
                .body("participant.object", equalTo("session.participant"))
                .body("participant.type", equalTo("mcp_client"))
                .body("participant.identifier", equalTo("claude-desktop"))
                .body("participant.name", equalTo("Claude Desktop"))
                .body("participant.data.identifier", equalTo("claude-desktop"))
                .body("participant.data.name", equalTo("Claude Desktop"))
                .body("participant.data.version", equalTo("0.9.2"))
                .body("participant.provider_id", nullValue());
    }

    @Test
    void the_same_client_in_many_sessions_is_one_participant_and_another_version_is_another() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String first = McpFixtures.connect(token, McpFixtures.session(token), "cursor").path("participant_id");
        String second = McpFixtures.connect(token, McpFixtures.session(token), "cursor").path("participant_id");
        assertEquals(first, second);

        String otherVersion = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(McpFixtures.initialize("cursor", "CURSOR", "2.0.0"))
                .when().post("/sessions/" + McpFixtures.session(token) + "/connections").then().statusCode(201)
                .extract().path("participant_id");
        assertNotEquals(first, otherVersion);

        String otherTenantToken = TestTokens.admin(TestTokens.newTenant());
        String elsewhere = McpFixtures.connect(otherTenantToken, McpFixtures.session(otherTenantToken), "cursor")
                .path("participant_id");
        assertNotEquals(first, elsewhere, "participants are per tenant");
    }

    @Test
    void a_provider_becomes_a_provider_participant_reused_across_sessions_and_runs_start_and_stop() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        var attached = McpFixtures.provider(token, session, "pro_github");
        String spr = attached.path("id");
        assertEquals("session.provider", attached.path("object"));
        String participant = attached.path("participant_id");
        assertEquals(participant, McpFixtures.provider(token, McpFixtures.session(token), "pro_github").path("participant_id"));

        given().auth().oauth2(token).when().get("/session-participants/" + participant).then().statusCode(200)
                .body("type", equalTo("provider"))
                .body("identifier", equalTo("pro_github"))
                .body("name", equalTo("Provider pro_github"))
                .body("provider_id", equalTo("pro_github"));

        String run = given().auth().oauth2(token).when().post("/sessions/" + session + "/providers/" + spr + "/runs")
                .then().statusCode(201)
                .body("object", equalTo("session.provider_run"))
                .body("id", matchesPattern("srr_[0-9A-Za-z]{22}"))
                .body("session_provider_id", equalTo(spr))
                .body("status", equalTo("running"))
                .extract().path("id");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).when().post("/sessions/" + session + "/providers/" + spr + "/runs/" + run + "/stop")
                    .then().statusCode(200).body("status", equalTo("stopped")).body("stopped_at", notNullValue());
        }
    }

    @Test
    void ending_a_session_disconnects_its_clients_stops_its_runs_and_refuses_new_ones() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        String connection = McpFixtures.connect(token, session, "zed").path("id");
        String spr = McpFixtures.provider(token, session, "pro_fs").path("id");
        String run = given().auth().oauth2(token).when().post("/sessions/" + session + "/providers/" + spr + "/runs")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(token).when().get("/sessions/" + session).then()
                .body("connection_status", equalTo("connected"));
        given().auth().oauth2(token).when().post("/sessions/" + session + "/end").then().statusCode(200)
                .body("status", equalTo("ended")).body("connection_status", equalTo("disconnected"))
                .body("ended_at", notNullValue());
        given().auth().oauth2(token).when().post("/sessions/" + session + "/end").then().statusCode(200)
                .body("status", equalTo("ended"));
        given().auth().oauth2(token).when().post("/sessions/" + session + "/connections/" + connection + "/disconnect")
                .then().statusCode(200).body("state", equalTo("disconnected")).body("disconnected_at", notNullValue());
        given().auth().oauth2(token).when().post("/sessions/" + session + "/providers/" + spr + "/runs/" + run + "/stop")
                .then().statusCode(200).body("status", equalTo("stopped"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(McpFixtures.initialize("zed", null, null))
                .when().post("/sessions/" + session + "/connections").then().statusCode(409).body("code", equalTo("conflict"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"provider_id\":\"pro_x\"}")
                .when().post("/sessions/" + session + "/providers").then().statusCode(409);
        given().auth().oauth2(token).when().post("/sessions/" + session + "/providers/" + spr + "/runs").then()
                .statusCode(409);
    }

    @Test
    void connection_status_follows_the_open_connections_of_a_session() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        given().auth().oauth2(token).when().get("/sessions/" + session).then()
                .body("connection_status", equalTo("disconnected"));
        String first = McpFixtures.connect(token, session, "one").path("id");
        String second = McpFixtures.connect(token, session, "two").path("id");
        for (String connection : new String[] {first, first, second}) {
            given().auth().oauth2(token).when().get("/sessions/" + session).then()
                    .body("connection_status", equalTo("connected"));
            given().auth().oauth2(token).when().post("/sessions/" + session + "/connections/" + connection + "/disconnect")
                    .then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/sessions/" + session).then()
                .body("connection_status", equalTo("disconnected"));
    }

    @Test
    void creates_retried_with_the_same_idempotency_key_return_the_first_result() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String a = given().auth().oauth2(token).header("Idempotency-Key", "k1").contentType(ContentType.JSON).body("{}")
                .when().post("/sessions").then().statusCode(201).extract().path("id");
        String b = given().auth().oauth2(token).header("Idempotency-Key", "k1").contentType(ContentType.JSON).body("{}")
                .when().post("/sessions").then().statusCode(201).extract().path("id");
        assertEquals(a, b);

        String c1 = given().auth().oauth2(token).header("Idempotency-Key", "c").contentType(ContentType.JSON)
                .body(McpFixtures.initialize("x", null, null)).when().post("/sessions/" + a + "/connections").then()
                .statusCode(201).extract().path("id");
        String c2 = given().auth().oauth2(token).header("Idempotency-Key", "c").contentType(ContentType.JSON)
                .body(McpFixtures.initialize("x", null, null)).when().post("/sessions/" + a + "/connections").then()
                .statusCode(201).extract().path("id");
        assertEquals(c1, c2);

        String p1 = given().auth().oauth2(token).header("Idempotency-Key", "p").contentType(ContentType.JSON)
                .body("{\"provider_id\":\"pro_a\"}").when().post("/sessions/" + a + "/providers").then().statusCode(201)
                .extract().path("id");
        String p2 = given().auth().oauth2(token).header("Idempotency-Key", "p").contentType(ContentType.JSON)
                .body("{\"provider_id\":\"pro_a\"}").when().post("/sessions/" + a + "/providers").then().statusCode(201)
                .extract().path("id");
        assertEquals(p1, p2);

        String r1 = given().auth().oauth2(token).header("Idempotency-Key", "r").when()
                .post("/sessions/" + a + "/providers/" + p1 + "/runs").then().statusCode(201).extract().path("id");
        String r2 = given().auth().oauth2(token).header("Idempotency-Key", "r").when()
                .post("/sessions/" + a + "/providers/" + p1 + "/runs").then().statusCode(201).extract().path("id");
        assertEquals(r1, r2);
    }

    @Test
    void bad_write_bodies_are_400s_naming_the_field() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"initialize\":{\"method\":\"initialize\",\"params\":{\"clientInfo\":{}}}}")
                .when().post("/sessions/" + session + "/connections").then().statusCode(400)
                .body("code", equalTo("invalid_data"))
                .body("errors[0].path[0]", equalTo("initialize.params.clientInfo.name"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"transport\":\"carrier-pigeon\",\"initialize\":{\"method\":\"initialize\",\"params\":"
                        + "{\"clientInfo\":{\"name\":\"a\"}}}}")
                .when().post("/sessions/" + session + "/connections").then().statusCode(400)
                .body("errors[0].path[0]", equalTo("transport"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/sessions/" + session + "/connections").then().statusCode(400)
                .body("errors[0].path[0]", equalTo("initialize"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"no id\"}")
                .when().post("/sessions/" + session + "/providers").then().statusCode(400)
                .body("errors[0].path[0]", equalTo("provider_id"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"provider_id\":\"" + "x".repeat(201) + "\"}")
                .when().post("/sessions/" + session + "/providers").then().statusCode(400);
    }

    @Test
    void writes_into_another_tenants_or_an_unknown_session_are_404() {
        String owner = TestTokens.admin(TestTokens.newTenant());
        String stranger = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(owner);
        String connection = McpFixtures.connect(owner, session, "c").path("id");
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(McpFixtures.initialize("c", null, null))
                .when().post("/sessions/" + session + "/connections").then().statusCode(404)
                .body("entity", equalTo("session"));
        given().auth().oauth2(stranger).when().post("/sessions/" + session + "/end").then().statusCode(404);
        given().auth().oauth2(stranger).when().post("/sessions/" + session + "/connections/" + connection + "/disconnect")
                .then().statusCode(404);
        given().auth().oauth2(owner).when().post("/sessions/ses_0000000000000000000000/end").then().statusCode(404);
        given().auth().oauth2(owner).when().post("/sessions/" + session + "/providers/spr_0000000000000000000000/runs")
                .then().statusCode(404).body("entity", equalTo("session.provider"));
    }

    @Test
    void the_internal_lookup_confirms_a_session_its_server_session_and_run_only_together_and_in_tenant() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        String spr = McpFixtures.provider(token, session, "pro_lookup").path("id");
        String run = given().auth().oauth2(token).when().post("/sessions/" + session + "/providers/" + spr + "/runs")
                .then().statusCode(201).extract().path("id");
        String otherSession = McpFixtures.session(token);

        given().auth().oauth2(token).queryParam("server_session_id", spr).queryParam("provider_run_id", run)
                .when().get("/internal/mcp/sessions/" + session).then().statusCode(200)
                .body("session_id", equalTo(session))
                .body("status", equalTo("active"))
                .body("server_session_id", equalTo(spr))
                .body("provider_run_id", equalTo(run));
        given().auth().oauth2(token).queryParam("server_session_id", spr)
                .when().get("/internal/mcp/sessions/" + otherSession).then().statusCode(404)
                .body("entity", equalTo("session.provider"));
        given().auth().oauth2(token).queryParam("provider_run_id", "srr_0000000000000000000000")
                .when().get("/internal/mcp/sessions/" + session).then().statusCode(404)
                .body("entity", equalTo("session.provider_run"));
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant()))
                .when().get("/internal/mcp/sessions/" + session).then().statusCode(404).body("entity", equalTo("session"));
        given().when().get("/internal/mcp/sessions/" + session).then().statusCode(401);
    }
}
