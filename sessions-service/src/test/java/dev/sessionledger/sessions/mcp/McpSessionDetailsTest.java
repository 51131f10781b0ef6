package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.realtime.RecordedStatements;

/**
 * What GET /sessions and GET /sessions/{id} show beside the session: its clients and providers from
 * this service's tables, its usage from messages-service (a stand-in here), read once per page, and
 * null usage, never a failed list, while messages-service cannot answer.
 */
@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class McpSessionDetailsTest {

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    /** A session with two clients (one connected twice) and two providers, and one with nothing. */
    private record World(String token, String busy, String idle, String alpha, String beta, String spr1,
            String spr2) {
    }

    private static ExtractableResponse<Response> connect(String token, String session, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/sessions/" + session + "/connections").then().statusCode(201).extract();
    }

    private static World world() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String busy = McpFixtures.session(token);
        String idle = McpFixtures.session(token);
        String alpha = connect(token, busy, McpFixtures.initialize("alpha-cli", "Alpha CLI", "1.2.0"))
                .path("participant_id");
        String spr1 = McpFixtures.provider(token, busy, "pro_github").path("id");
        String beta = connect(token, busy, McpFixtures.initialize("beta", null, null)).path("participant_id");
        connect(token, busy, McpFixtures.initialize("alpha-cli", "Alpha CLI", "1.2.0"));
        String spr2 = McpFixtures.provider(token, busy, "pro_files").path("id");
        return new World(token, busy, idle, alpha, beta, spr1, spr2);
    }

    @Test
    void the_list_and_the_get_show_clients_providers_and_usage_after_the_existing_fields() throws Exception {
        World w = world();
        FakeMessagesService.holds(w.busy(), 9, 5, 4, 2, "2025-03-01T10:00:00Z", "2025-03-01T10:05:00Z");

        for (String path : List.of("/sessions/" + w.busy(), "/sessions")) {
            String prefix = path.equals("/sessions") ? "items[0]." : "";
            given().auth().oauth2(w.token()).when().get(path).then().statusCode(200)
                    .body(prefix + "id", equalTo(w.busy()))
                    .body(prefix + "clients", hasSize(2))
                    .body(prefix + "clients[0].participant_id", equalTo(w.alpha()))
                    .body(prefix + "clients[0].name", equalTo("alpha-cli"))
                    .body(prefix + "clients[0].title", equalTo("Alpha CLI"))
                    .body(prefix + "clients[0].version", equalTo("1.2.0"))
                    .body(prefix + "clients[1].participant_id", equalTo(w.beta()))
                    .body(prefix + "clients[1].name", equalTo("beta"))
                    .body(prefix + "clients[1].title", nullValue())
                    .body(prefix + "clients[1].version", nullValue())
                    .body(prefix + "providers.id", contains(w.spr1(), w.spr2()))
                    .body(prefix + "providers.provider_id", contains("pro_github", "pro_files"))
                    .body(prefix + "providers.name", contains("Provider pro_github", "Provider pro_files"))
                    .body(prefix + "usage.total_productive_message_count", equalTo(9))
                    .body(prefix + "usage.total_productive_client_message_count", equalTo(5))
                    .body(prefix + "usage.total_productive_server_message_count", equalTo(4))
                    .body(prefix + "usage.error_message_count", equalTo(2))
                    .body(prefix + "usage.last_message_at", equalTo("2025-03-01T10:05:00Z"));
        }
        given().auth().oauth2(w.token()).when().get("/sessions").then().statusCode(200)
                .body("items.id", contains(w.busy(), w.idle()))
                .body("items[1].clients", empty())
                .body("items[1].providers", empty())
                .body("items[1].usage.total_productive_message_count", equalTo(0))
                .body("items[1].usage.total_productive_client_message_count", equalTo(0))
                .body("items[1].usage.total_productive_server_message_count", equalTo(0))
                .body("items[1].usage.error_message_count", equalTo(0))
                .body("items[1].usage.last_message_at", nullValue());

        String body = given().auth().oauth2(w.token()).when().get("/sessions/" + w.idle()).then().statusCode(200)
                .extract().asString();
        List<String> fields = new ArrayList<>();
        new ObjectMapper().readTree(body).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("object", "id", "status", "connection_status", "metadata", "created_at", "updated_at",
                "ended_at", "clients", "providers", "usage"), fields);
    }

    @Test
    void a_page_asks_messages_service_once_and_reads_clients_and_providers_in_one_query_each() {
        World w = world();
        for (int i = 0; i < 3; i++) {
            String session = McpFixtures.session(w.token());
            McpFixtures.connect(w.token(), session, "page-client-" + i);
            McpFixtures.provider(w.token(), session, "pro_page_" + i);
        }
        for (int limit : new int[] { 1, 5 }) {
            int before = FakeMessagesService.TOTALS_CALLS.get();
            List<String> sent = statements.during(() -> given().auth().oauth2(w.token()).queryParam("limit", limit)
                    .when().get("/sessions").then().statusCode(200).body("items", hasSize(limit)));
            assertEquals(1, FakeMessagesService.TOTALS_CALLS.get() - before, "calls to messages-service");
            for (String table : List.of("mcp_connection", "mcp_session_provider")) {
                assertEquals(1, sent.stream().filter(sql -> sql.contains(" from " + table + " ")).count(),
                        sent.toString());
            }
        }
        assertEquals("Bearer " + w.token(), FakeMessagesService.LAST_AUTHORIZATION.get(),
                "the caller's token is forwarded");

        int before = FakeMessagesService.TOTALS_CALLS.get();
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).when().get("/sessions").then().statusCode(200)
                .body("items", empty());
        assertEquals(before, FakeMessagesService.TOTALS_CALLS.get(), "an empty page asks nothing");
    }

    @Test
    void another_tenant_never_sees_the_clients_or_providers_of_a_session() {
        World w = world();
        String stranger = TestTokens.admin(TestTokens.newTenant());
        String own = McpFixtures.session(stranger);
        given().auth().oauth2(stranger).when().get("/sessions").then().statusCode(200)
                .body("items.id", contains(own))
                .body("items[0].clients", empty())
                .body("items[0].providers", empty());
        given().auth().oauth2(stranger).when().get("/sessions/" + w.busy()).then().statusCode(404);
    }

    @Test
    void the_writes_that_answer_a_session_show_the_same_fields() {
        World w = world();
        given().auth().oauth2(w.token()).contentType(ContentType.JSON).body("{}").when().post("/sessions").then()
                .statusCode(201)
                .body("clients", empty())
                .body("providers", empty())
                .body("usage.total_productive_message_count", equalTo(0));
        FakeMessagesService.holds(w.busy(), 3, 2, 1, 0, "2025-03-01T10:00:00Z", "2025-03-01T10:00:02Z");
        given().auth().oauth2(w.token()).when().post("/sessions/" + w.busy() + "/end").then().statusCode(200)
                .body("status", equalTo("ended"))
                .body("connection_status", equalTo("disconnected"))
                .body("clients.participant_id", contains(w.alpha(), w.beta()))
                .body("providers.id", contains(w.spr1(), w.spr2()))
                .body("usage.total_productive_message_count", equalTo(3));
    }

    @Test
    void usage_is_null_and_the_list_still_answers_while_messages_service_is_down_fails_or_stalls() {
        World w = world();
        FakeMessagesService.holds(w.busy(), 9, 5, 4, 2, "2025-03-01T10:00:00Z", "2025-03-01T10:05:00Z");
        double unavailableBefore = unavailableCount();
        List<Runnable[]> outages = List.of(
                new Runnable[] { FakeMessagesService::down, FakeMessagesService::up },
                new Runnable[] { () -> FakeMessagesService.FAILING.set(true),
                    () -> FakeMessagesService.FAILING.set(false) },
                new Runnable[] { () -> FakeMessagesService.STALLED.set(true),
                    () -> FakeMessagesService.STALLED.set(false) });
        for (Runnable[] outage : outages) {
            outage[0].run();
            try {
                long start = System.nanoTime();
                given().auth().oauth2(w.token()).when().get("/sessions").then().statusCode(200)
                        .body("items.id", contains(w.busy(), w.idle()))
                        .body("items[0].clients", hasSize(2))
                        .body("items[0].providers", hasSize(2))
                        .body("items.usage", contains(nullValue(), nullValue()));
                given().auth().oauth2(w.token()).when().get("/sessions/" + w.busy()).then().statusCode(200)
                        .body("clients", hasSize(2))
                        .body("usage", nullValue());
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 3000, "two reads answered after " + millis + " ms");
            } finally {
                outage[1].run();
            }
        }
        assertEquals(unavailableBefore + 6, unavailableCount(), "each answer without usage is counted");
        given().auth().oauth2(w.token()).when().get("/sessions/" + w.busy()).then().statusCode(200)
                .body("usage.total_productive_message_count", equalTo(9));
    }

    /** {@code mcp_session_usage_unavailable_total} as /q/metrics shows it (0 before the first). */
    private static double unavailableCount() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^mcp_session_usage_unavailable_total(?:\\{[^}]*\\})? (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
