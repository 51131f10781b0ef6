package dev.sessionledger.sessions.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import dev.sessionledger.commons.ids.IdPrefix;
import dev.sessionledger.commons.metorial.MetorialCursor;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;

@QuarkusTest
@ServiceTest
class ProviderApiTest {

    private static final String SECRET = "Bearer ghp_topsecret-" + UUID.randomUUID();
    private static final String HEADERS = "{\"Authorization\":\"" + SECRET + "\",\"X-Team\":\"blue-team-value\"}";

    @Inject
    DataSource dataSource;

    @Test
    void a_provider_is_registered_listed_read_changed_and_deleted_in_metorial_shapes() {
        String token = TestTokens.admin(TestTokens.newTenant());
        ExtractableResponse<Response> created = ProviderFixtures.register(token,
                "{\"name\":\"  GitHub  \",\"upstream_url\":\"https://mcp.github.example/mcp\",\"upstream_headers\":"
                        + HEADERS + "}");
        String id = created.path("id");
        assertTrue(id.matches("pro_[0-9A-Za-z]{22}"), id);
        assertEquals("provider", created.path("object"));
        assertEquals("GitHub", created.path("name"));
        assertEquals("https://mcp.github.example/mcp", created.path("upstream_url"));
        assertEquals("best_effort", created.path("recording_mode"));
        assertEquals(created.<String>path("created_at"), created.path("updated_at"));

        given().auth().oauth2(token).when().get("/providers").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].object", equalTo("provider"))
                .body("pagination.has_more_before", equalTo(false))
                .body("pagination.has_more_after", equalTo(false));
        given().auth().oauth2(token).when().get("/providers/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("GitHub"))
                .body("created_at", equalTo(created.path("created_at")));

        ExtractableResponse<Response> patched = patch(token, id, "{\"name\":\"GitHub (work)\",\"recording_mode\":\"audit\"}")
                .statusCode(200).extract();
        assertEquals("GitHub (work)", patched.path("name"));
        assertEquals("audit", patched.path("recording_mode"));
        assertEquals("https://mcp.github.example/mcp", patched.path("upstream_url"));
        assertEquals(created.<String>path("created_at"), patched.path("created_at"));
        assertNotEquals(created.<String>path("updated_at"), patched.path("updated_at"));

        given().auth().oauth2(token).when().delete("/providers/" + id).then().statusCode(200)
                .body("object", equalTo("provider")).body("id", equalTo(id)).body("name", equalTo("GitHub (work)"));
        given().auth().oauth2(token).when().get("/providers/" + id).then().statusCode(404)
                .body("code", equalTo("not_found")).body("entity", equalTo("provider")).body("id", equalTo(id));
        given().auth().oauth2(token).when().delete("/providers/" + id).then().statusCode(404);
        given().auth().oauth2(token).when().get("/providers").then().body("items", hasSize(0));
    }

    @Test
    void upstream_headers_never_appear_in_a_public_answer() {
        String token = TestTokens.admin(TestTokens.newTenant());
        List<ExtractableResponse<Response>> answers = new ArrayList<>();
        ExtractableResponse<Response> created = ProviderFixtures.register(token,
                ProviderFixtures.body("Secretive", "https://mcp.example.com/s", HEADERS));
        String id = created.path("id");
        answers.add(created);
        answers.add(given().auth().oauth2(token).when().get("/providers/" + id).then().extract());
        answers.add(given().auth().oauth2(token).when().get("/providers").then().extract());
        answers.add(patch(token, id, "{\"upstream_headers\":" + HEADERS + "}").extract());
        answers.add(patch(token, id, "{\"upstream_headers\":{\"Host\":\"" + SECRET + "\"}}").statusCode(400).extract());
        answers.add(given().auth().oauth2(token).when().delete("/providers/" + id).then().extract());
        for (ExtractableResponse<Response> answer : answers) {
            String text = answer.asString();
            assertFalse(text.contains("upstream_headers\":{") || text.contains("\"upstream_headers\":["), text);
            assertFalse(text.contains("topsecret") || text.contains("blue-team-value"), text);
        }
        assertFalse(created.jsonPath().getMap("$").containsKey("upstream_headers"));
    }

    @Test
    void headers_are_sealed_at_rest_and_opened_only_by_the_internal_read() throws SQLException {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.admin(tenant);
        String id = ProviderFixtures.register(token, ProviderFixtures.body("Sealed", "https://mcp.example.com/x", HEADERS))
                .path("id");
        byte[] stored = storedHeaders(id);
        assertNotNull(stored);
        assertFalse(contains(stored, SECRET.getBytes(StandardCharsets.UTF_8)), "the value is stored in the clear");
        assertFalse(contains(stored, "blue-team-value".getBytes(StandardCharsets.UTF_8)));
        assertFalse(contains(stored, "Authorization".getBytes(StandardCharsets.UTF_8)));

        given().auth().oauth2(TestTokens.member("gateway", tenant)).when().get("/internal/providers/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("upstream_url", equalTo("https://mcp.example.com/x"))
                .body("recording_mode", equalTo("best_effort"))
                .body("upstream_headers.Authorization", equalTo(SECRET))
                .body("upstream_headers.X-Team", equalTo("blue-team-value"));

        byte[] again = storedHeaders(ProviderFixtures.register(token,
                ProviderFixtures.body("Sealed twice", "https://mcp.example.com/x", HEADERS)).path("id"));
        assertFalse(Arrays.equals(stored, again), "each write takes a fresh nonce");
    }

    @Test
    void a_sealed_value_moved_to_another_row_does_not_open() throws SQLException {
        String token = TestTokens.admin(TestTokens.newTenant());
        String victim = ProviderFixtures.register(token, ProviderFixtures.body("Victim", "https://a.example.com", HEADERS))
                .path("id");
        String thief = ProviderFixtures.register(token,
                ProviderFixtures.body("Thief", "https://b.example.com", "{\"X-Other\":\"other-value\"}")).path("id");
        try (Connection c = dataSource.getConnection(); PreparedStatement copy = c.prepareStatement(
                "update mcp_provider set upstream_headers = (select upstream_headers from mcp_provider where id = ?)"
                        + " where id = ?")) {
            copy.setObject(1, uuid(victim));
            copy.setObject(2, uuid(thief));
            assertEquals(1, copy.executeUpdate());
        }
        String answer = given().auth().oauth2(token).when().get("/internal/providers/" + thief).then()
                .statusCode(500)
                .body("code", equalTo("internal_server_error"))
                .body("message", matchesPattern(".*" + thief + " cannot be decrypted.*"))
                .extract().asString();
        assertFalse(answer.contains("topsecret") || answer.contains("blue-team-value"), answer);
        given().auth().oauth2(token).when().get("/internal/providers/" + victim).then().statusCode(200)
                .body("upstream_headers.Authorization", equalTo(SECRET));
    }

    @Test
    void a_patch_replaces_headers_whole_keeps_them_when_absent_and_clears_them_with_an_empty_object() throws SQLException {
        String token = TestTokens.admin(TestTokens.newTenant());
        String id = ProviderFixtures.register(token, ProviderFixtures.body("P", "https://a.example.com", HEADERS)).path("id");

        patch(token, id, "{\"upstream_url\":\"http://10.0.0.1:8080/mcp?x=1\"}").statusCode(200)
                .body("upstream_url", equalTo("http://10.0.0.1:8080/mcp?x=1"));
        internal(token, id).body("upstream_headers.Authorization", equalTo(SECRET));

        patch(token, id, "{\"upstream_headers\":{\"X-Api-Key\":\"k2\"}}").statusCode(200);
        internal(token, id).body("upstream_headers", equalTo(Map.of("X-Api-Key", "k2")));

        patch(token, id, "{\"upstream_headers\":null,\"name\":null}").statusCode(200).body("name", equalTo("P"));
        internal(token, id).body("upstream_headers", equalTo(Map.of("X-Api-Key", "k2")));

        patch(token, id, "{\"upstream_headers\":{}}").statusCode(200);
        internal(token, id).body("upstream_headers", equalTo(Map.of()));
        assertNull(storedHeaders(id));
        ProviderFixtures.register(token, ProviderFixtures.body("Q", "https://a.example.com", "{}"));
    }

    @Test
    void another_tenant_sees_nothing_of_a_provider() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String id = ProviderFixtures.register(token, ProviderFixtures.body("Mine", "https://a.example.com", HEADERS))
                .path("id");
        String other = TestTokens.admin(TestTokens.newTenant());
        ProviderFixtures.named(other, "theirs");

        given().auth().oauth2(other).when().get("/providers/" + id).then().statusCode(404)
                .body("code", equalTo("not_found")).body("entity", equalTo("provider"));
        patch(other, id, "{\"name\":\"stolen\"}").statusCode(404).body("entity", equalTo("provider"));
        given().auth().oauth2(other).when().delete("/providers/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().get("/internal/providers/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().get("/providers").then().body("items", hasSize(1))
                .body("items[0].id", not(equalTo(id)));
        given().auth().oauth2(token).when().get("/providers/" + id).then().statusCode(200).body("name", equalTo("Mine"));
    }

    @Test
    void members_read_but_only_administrators_write_and_a_token_is_required() {
        String tenant = TestTokens.newTenant();
        String admin = TestTokens.admin(tenant);
        String member = TestTokens.member("member-1", tenant);
        String id = ProviderFixtures.named(admin, "shared");

        given().auth().oauth2(member).when().get("/providers").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(member).when().get("/providers/" + id).then().statusCode(200);
        given().auth().oauth2(member).contentType(ContentType.JSON).body(ProviderFixtures.body("x", "https://a.example", null))
                .when().post("/providers").then().statusCode(403).body("code", equalTo("forbidden"));
        patch(member, id, "{\"name\":\"x\"}").statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(member).when().delete("/providers/" + id).then().statusCode(403)
                .body("code", equalTo("forbidden"));
        given().auth().oauth2(admin).when().get("/providers/" + id).then().body("name", equalTo("shared"));

        given().when().get("/providers").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().when().get("/providers/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(ProviderFixtures.body("x", "https://a.example", null))
                .when().post("/providers").then().statusCode(401);
        given().when().delete("/providers/" + id).then().statusCode(401);
        given().when().get("/internal/providers/" + id).then().statusCode(401);
    }

    @Test
    void unknown_and_malformed_ids_are_404s_naming_the_provider() {
        String token = TestTokens.admin(TestTokens.newTenant());
        for (String id : List.of("pro_0000000000000000000000", "garbage", "ses_0000000000000000000000")) {
            given().auth().oauth2(token).when().get("/providers/" + id).then().statusCode(404)
                    .body("code", equalTo("not_found")).body("entity", equalTo("provider"));
            patch(token, id, "{}").statusCode(404).body("entity", equalTo("provider"));
            given().auth().oauth2(token).when().delete("/providers/" + id).then().statusCode(404)
                    .body("entity", equalTo("provider"));
            given().auth().oauth2(token).when().get("/internal/providers/" + id).then().statusCode(404)
                    .body("entity", equalTo("provider"));
        }
    }

    @Test
    void every_bad_input_is_a_400_naming_its_field() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String ok = "https://mcp.example.com";
        Map<String, String> creates = new LinkedHashMap<>();
        creates.put("{\"upstream_url\":\"" + ok + "\"}", "name");
        creates.put(ProviderFixtures.body("   ", ok, null), "name");
        creates.put(ProviderFixtures.body("n".repeat(201), ok, null), "name");
        creates.put("{\"name\":\"n\"}", "upstream_url");
        for (String url : List.of("ftp://mcp.example.com", "/relative/path", "mcp.example.com", "not a url",
                "https://user:pw@mcp.example.com/", "https://token@mcp.example.com/", "https://mcp.example.com/#frag",
                "http:///no-host", "https://mcp.example.com/" + "a".repeat(2048))) {
            creates.put(ProviderFixtures.body("n", url, null), "upstream_url");
        }
        creates.put("{\"name\":\"n\",\"upstream_url\":\"" + ok + "\",\"recording_mode\":\"sometimes\"}", "recording_mode");
        creates.put(ProviderFixtures.body("n", ok, "\"Authorization: x\""), "upstream_headers");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 33; i++) {
            many.append(i == 0 ? "" : ",").append("\"X-H").append(i).append("\":\"v\"");
        }
        creates.put(ProviderFixtures.body("n", ok, many.append("}").toString()), "upstream_headers");
        for (String reserved : List.of("Host", "content-length", "Transfer-Encoding", "CONNECTION", "Keep-Alive",
                "Upgrade", "TE", "Trailer", "Proxy-Authorization", "proxy-connection", "Mcp-Session-Id",
                "MCP-Protocol-Version")) {
            creates.put(ProviderFixtures.body("n", ok, "{\"" + reserved + "\":\"v\"}"), "upstream_headers." + reserved);
        }
        creates.put(ProviderFixtures.body("n", ok, "{\"Bad Name\":\"v\"}"), "upstream_headers.Bad Name");
        creates.put(ProviderFixtures.body("n", ok, "{\"X-Colon:\":\"v\"}"), "upstream_headers.X-Colon:");
        creates.put(ProviderFixtures.body("n", ok, "{\"" + "X".repeat(257) + "\":\"v\"}"),
                "upstream_headers." + "X".repeat(257));
        creates.put(ProviderFixtures.body("n", ok, "{\"X-Long\":\"" + "v".repeat(8193) + "\"}"), "upstream_headers.X-Long");
        creates.put(ProviderFixtures.body("n", ok, "{\"X-Cr\":\"a\\rb\"}"), "upstream_headers.X-Cr");
        creates.put(ProviderFixtures.body("n", ok, "{\"X-Lf\":\"a\\nb\"}"), "upstream_headers.X-Lf");
        creates.put(ProviderFixtures.body("n", ok, "{\"X-Num\":5}"), "upstream_headers.X-Num");
        creates.put(ProviderFixtures.body("n", ok, "{\"X-Nul\":\"a\\u0000b\"}"), "upstream_headers.X-Nul");
        creates.put("{\"name\":{\"a\":1},\"upstream_url\":\"" + ok + "\"}", "name");
        creates.put("{\"name\":\"n\",\"upstream_url\":[\"" + ok + "\"]}", "upstream_url");
        creates.put(ProviderFixtures.body("n", ok, "{\"X-Null\":null}"), "upstream_headers.X-Null");
        creates.put(ProviderFixtures.body("n", ok, "{\"X-Obj\":{\"a\":1}}"), "upstream_headers.X-Obj");
        List<String> wrong = new ArrayList<>();
        creates.forEach((body, field) -> {
            ExtractableResponse<Response> answer = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post("/providers").then().extract();
            boolean named = answer.statusCode() == 400 && "invalid_data".equals(answer.path("code"))
                    && List.of(field).equals(answer.path("errors.path[0]") == null ? null
                            : answer.jsonPath().getList("errors.collect { it.path[0] }"));
            if (!named || answer.asString().contains("v".repeat(20))) {
                wrong.add(field + " <- " + abbreviated(body) + ": " + answer.statusCode() + " " + answer.asString());
            }
        });
        assertEquals(List.of(), wrong);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("").when().post("/providers").then()
                .statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":").when().post("/providers").then()
                .statusCode(400);

        String id = ProviderFixtures.named(token, "patched");
        Map<String, String> patches = Map.of(
                "{\"name\":\"   \"}", "name",
                "{\"name\":\"" + "n".repeat(201) + "\"}", "name",
                "{\"upstream_url\":\"ftp://x.example\"}", "upstream_url",
                "{\"recording_mode\":\"never\"}", "recording_mode",
                "{\"upstream_headers\":{\"Connection\":\"close\"}}", "upstream_headers.Connection");
        patches.forEach((body, field) -> patch(token, id, body).statusCode(400)
                .body("code", equalTo("invalid_data")).body("errors[0].path[0]", equalTo(field)));
        given().auth().oauth2(token).when().get("/providers/" + id).then().body("name", equalTo("patched"))
                .body("upstream_url", equalTo("https://mcp.example.com/patched"));
    }

    @Test
    void a_retried_registration_with_the_same_idempotency_key_is_one_provider() {
        String token = TestTokens.admin(TestTokens.newTenant());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(given().auth().oauth2(token).header("Idempotency-Key", "reg-1").contentType(ContentType.JSON)
                    .body(ProviderFixtures.body("once", "https://a.example.com", null)).when().post("/providers")
                    .then().statusCode(201).extract().path("id"));
        }
        assertEquals(ids.get(0), ids.get(1));
        given().auth().oauth2(token).when().get("/providers").then().body("items", hasSize(1));
    }

    @Test
    void the_list_pages_by_id_with_limit_order_after_before_and_cursor() {
        String token = TestTokens.admin(TestTokens.newTenant());
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(ProviderFixtures.named(token, "p" + i));
        }
        ExtractableResponse<Response> first = list(token, Map.of("limit", "2"));
        assertEquals(all.subList(0, 2), first.path("items.id"));
        assertEquals(false, first.path("pagination.has_more_before"));
        assertEquals(true, first.path("pagination.has_more_after"));

        ExtractableResponse<Response> second = list(token, Map.of("limit", "2", "after", all.get(1)));
        assertEquals(all.subList(2, 4), second.path("items.id"));
        assertEquals(true, second.path("pagination.has_more_before"));
        assertEquals(true, second.path("pagination.has_more_after"));

        ExtractableResponse<Response> last = list(token, Map.of("limit", "2", "cursor", MetorialCursor.after(all.get(3))));
        assertEquals(all.subList(4, 5), last.path("items.id"));
        assertEquals(false, last.path("pagination.has_more_after"));

        assertEquals(all.subList(1, 3), list(token, Map.of("limit", "2", "before", all.get(3))).path("items.id"));
        assertEquals(List.of(all.get(4), all.get(3)), list(token, Map.of("limit", "2", "order", "desc")).path("items.id"));
        assertEquals(List.of(all.get(2), all.get(1)),
                list(token, Map.of("limit", "2", "order", "desc", "after", all.get(3))).path("items.id"));

        given().auth().oauth2(token).queryParam("limit", "0").when().get("/providers").then().statusCode(400)
                .body("errors[0].path[0]", equalTo("limit"));
        given().auth().oauth2(token).queryParam("cursor", "nope").when().get("/providers").then().statusCode(400)
                .body("errors[0].path[0]", equalTo("cursor"));
        given().auth().oauth2(token).queryParam("after", "ses_0000000000000000000000").when().get("/providers").then()
                .statusCode(400).body("errors[0].path[0]", equalTo("after"));
    }

    @Test
    void a_provider_view_has_exactly_the_documented_fields() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String id = ProviderFixtures.register(token, ProviderFixtures.body("Shape", "https://a.example.com", HEADERS)).path("id");
        Map<String, Object> view = given().auth().oauth2(token).when().get("/providers/" + id).then()
                .body("$", not(hasKey("upstream_headers"))).extract().jsonPath().getMap("$");
        assertEquals(Set.of("object", "id", "name", "upstream_url", "recording_mode", "created_at", "updated_at"),
                view.keySet());
    }

    private static ValidatableResponse patch(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().patch("/providers/" + id)
                .then();
    }

    private static ValidatableResponse internal(String token, String id) {
        return given().auth().oauth2(token).when().get("/internal/providers/" + id).then().statusCode(200);
    }

    private static ExtractableResponse<Response> list(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).when().get("/providers").then().statusCode(200).extract();
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private byte[] storedHeaders(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement read = c.prepareStatement("select upstream_headers from mcp_provider where id = ?")) {
            read.setObject(1, uuid(id));
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next(), id);
                return row.getBytes(1);
            }
        }
    }

    private static UUID uuid(String id) {
        return IdPrefix.PROVIDER.parse(id).orElseThrow();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
