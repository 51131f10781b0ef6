package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@ServiceTest
class McpSessionResourceTest {

    private static String create(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"metadata\":{\"agent\":\"demo\"}}")
                .when().post("/sessions")
                .then().statusCode(201)
                .body("object", equalTo("session"))
                .body("id", matchesPattern("ses_[0-9A-Za-z]{22}"))
                .body("status", equalTo("active"))
                .body("metadata.agent", equalTo("demo"))
                .extract().path("id");
    }

    @Test
    void lists_the_callers_sessions_in_the_metorial_envelope() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String first = create(token);
        String second = create(token);

        given().auth().oauth2(token).when().get("/sessions").then()
                .statusCode(200)
                .body("items.id", contains(first, second))
                .body("items[0].created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z"))
                .body("pagination.has_more_before", equalTo(false))
                .body("pagination.has_more_after", equalTo(false));
        given().auth().oauth2(token).queryParam("order", "desc").when().get("/sessions").then()
                .body("items.id", contains(second, first));
    }

    @Test
    void pages_forward_and_back_with_after_and_before() {
        String token = TestTokens.member("alice", TestTokens.newTenant());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(token));
        }
        given().auth().oauth2(token).queryParam("limit", 2).when().get("/sessions").then()
                .body("items.id", contains(ids.get(0), ids.get(1)))
                .body("pagination.has_more_before", equalTo(false))
                .body("pagination.has_more_after", equalTo(true));
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("after", ids.get(1)).when().get("/sessions")
                .then()
                .body("items.id", contains(ids.get(2), ids.get(3)))
                .body("pagination.has_more_before", equalTo(true))
                .body("pagination.has_more_after", equalTo(true));
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("after", ids.get(3)).when().get("/sessions")
                .then()
                .body("items.id", contains(ids.get(4)))
                .body("pagination.has_more_after", equalTo(false));
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("before", ids.get(4)).when().get("/sessions")
                .then()
                .body("items.id", contains(ids.get(2), ids.get(3)))
                .body("pagination.has_more_before", equalTo(true))
                .body("pagination.has_more_after", equalTo(true));
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("order", "desc")
                .queryParam("after", ids.get(2)).when().get("/sessions").then()
                .body("items.id", contains(ids.get(1), ids.get(0)))
                .body("pagination.has_more_before", equalTo(true))
                .body("pagination.has_more_after", equalTo(false));
    }

    @Test
    void a_session_of_one_tenant_is_invisible_to_another() {
        String ownerToken = TestTokens.admin(TestTokens.newTenant());
        String otherToken = TestTokens.admin(TestTokens.newTenant());
        String id = create(ownerToken);

        given().auth().oauth2(ownerToken).when().get("/sessions/" + id).then().statusCode(200)
                .body("id", equalTo(id));
        given().auth().oauth2(otherToken).when().get("/sessions").then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(otherToken).when().get("/sessions/" + id).then().statusCode(404)
                .body("code", equalTo("not_found"))
                .body("entity", equalTo("session"))
                .body("id", equalTo(id));
    }

    @Test
    void bad_paging_parameters_are_400s_naming_the_parameter() {
        String token = TestTokens.admin(TestTokens.newTenant());
        for (String limit : List.of("0", "101", "ten")) {
            given().auth().oauth2(token).queryParam("limit", limit).when().get("/sessions").then()
                    .statusCode(400)
                    .body("code", equalTo("invalid_data"))
                    .body("errors", hasSize(1))
                    .body("errors[0].path[0]", equalTo("limit"));
        }
        given().auth().oauth2(token).queryParam("order", "sideways").when().get("/sessions").then()
                .statusCode(400).body("errors[0].path[0]", equalTo("order"));
        given().auth().oauth2(token).queryParam("after", "spt_0000000000000000000000").when().get("/sessions").then()
                .statusCode(400).body("errors[0].path[0]", equalTo("after"));
    }

    @Test
    void an_unknown_or_malformed_session_id_is_404() {
        String token = TestTokens.admin(TestTokens.newTenant());
        for (String id : List.of("ses_0000000000000000000000", "nonsense")) {
            given().auth().oauth2(token).when().get("/sessions/" + id).then().statusCode(404)
                    .body("code", equalTo("not_found"));
        }
    }

    @Test
    void a_body_that_is_not_json_is_a_400() {
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).contentType(ContentType.JSON).body("{oops")
                .when().post("/sessions").then().statusCode(400).body("code", equalTo("bad_request"));
    }
}
