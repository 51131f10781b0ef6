package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.MetorialCursor;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.sessions.realtime.RecordedStatements;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeMessagesService.class)
class SessionParticipantResourceTest {

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    /** A tenant with two sessions: s1 has clients a, b and provider p; s2 has clients b, c. */
    record World(String token, String s1, String s2, String a, String b, String c, String p, String connA,
            String connC, String spr) {
    }

    private static World world() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String s1 = McpFixtures.session(token);
        String s2 = McpFixtures.session(token);
        var connA = McpFixtures.connect(token, s1, "client-a");
        String b = McpFixtures.connect(token, s1, "client-b").path("participant_id");
        var provider = McpFixtures.provider(token, s1, "pro_p");
        McpFixtures.connect(token, s2, "client-b");
        var connC = McpFixtures.connect(token, s2, "client-c");
        return new World(token, s1, s2, connA.path("participant_id"), b, connC.path("participant_id"),
                provider.path("participant_id"), connA.path("id"), connC.path("id"), provider.path("id"));
    }

    private static List<String> ids(World w, Map<String, ?> query) {
        return given().auth().oauth2(w.token()).queryParams(query).when().get("/session-participants").then()
                .statusCode(200).extract().path("items.id");
    }

    @Test
    void lists_the_tenants_participants_in_the_seed_shape() {
        World w = world();
        given().auth().oauth2(w.token()).when().get("/session-participants").then().statusCode(200)
                .body("items.id", contains(w.a(), w.b(), w.p(), w.c()))
                .body("items[0].object", equalTo("session.participant"))
                .body("items[0].type", equalTo("mcp_client"))
                .body("items[0].identifier", equalTo("client-a"))
                .body("items[0].name", equalTo("CLIENT-A"))
                .body("items[0].data", equalTo(Map.of("identifier", "client-a", "name", "CLIENT-A", "version", "1.0.0")))
                .body("items[0].provider_id", equalTo(null))
                .body("items[0].keySet()", containsInAnyOrder("object", "id", "type", "identifier", "name", "data",
                        "provider_id", "created_at"))
                .body("pagination.has_more_before", equalTo(false))
                .body("pagination.has_more_after", equalTo(false));
        given().auth().oauth2(w.token()).when().get("/session-participants/" + w.p()).then().statusCode(200)
                .body("type", equalTo("provider")).body("provider_id", equalTo("pro_p"));
    }

    @Test
    void filters_by_type_id_session_and_connection_with_one_value_or_several_in_every_qs_style() {
        World w = world();
        assertEquals(List.of(w.p()), ids(w, Map.of("type", "provider")));
        assertEquals(List.of(w.a(), w.b(), w.c()), ids(w, Map.of("type[]", "mcp_client")));
        assertEquals(List.of(w.b(), w.c()), ids(w, Map.of("session_id", w.s2())));
        assertEquals(List.of(w.a(), w.b(), w.p()), ids(w, Map.of("session_id[0]", w.s1())));
        assertEquals(List.of(w.a(), w.b(), w.p(), w.c()), ids(w, Map.of("session_id[0]", w.s1(), "session_id[1]", w.s2())));
        assertEquals(List.of(w.a(), w.b()), ids(w, Map.of("session_id", w.s1(), "type", "mcp_client")));
        assertEquals(List.of(w.a(), w.c()), ids(w, Map.of("session_connection_id[0]", w.connA(),
                "session_connection_id[1]", w.connC())));
        assertEquals(List.of(w.c()), ids(w, Map.of("id[]", w.c())));

        List<String> repeated = given().auth().oauth2(w.token()).queryParam("id", w.a(), w.p())
                .when().get("/session-participants").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(w.a(), w.p()), repeated);
        List<String> bracketed = given().auth().oauth2(w.token()).queryParam("type[]", "provider", "mcp_client")
                .queryParam("session_id", w.s2()).when().get("/session-participants").then().statusCode(200)
                .extract().path("items.id");
        assertEquals(List.of(w.b(), w.c()), bracketed);
    }

    @Test
    void filters_by_created_and_updated_ranges() throws Exception {
        World w = world();
        Thread.sleep(5);
        Instant middle = Instant.now();
        Thread.sleep(5);
        String token = w.token();
        String late = McpFixtures.connect(token, w.s2(), "client-late").path("participant_id");

        assertEquals(List.of(late), ids(w, Map.of("created_at[gt]", middle.toString())));
        assertEquals(List.of(late), ids(w, Map.of("created_at[gte]", middle.toString(), "type", "mcp_client")));
        assertEquals(List.of(w.a(), w.b(), w.p(), w.c()), ids(w, Map.of("created_at[lt]", middle.toString())));
        assertEquals(List.of(), ids(w, Map.of("created_at[gt]", middle.toString(), "created_at[lte]", middle.toString())));

        // A reconnect of client-a moves its updated_at, never its created_at.
        McpFixtures.connect(token, w.s2(), "client-a");
        assertEquals(List.of(w.a(), late), ids(w, Map.of("updated_at[gte]", middle.toString())));
        assertEquals(List.of(w.b(), w.p(), w.c()), ids(w, Map.of("updated_at[lt]", middle.toString())));
        assertEquals(List.of(late), ids(w, Map.of("updated_at[gte]", middle.toString(), "created_at[gte]",
                middle.toString())));
    }

    @Test
    void a_page_after_a_row_it_was_shown_is_one_read_and_after_any_other_id_two() {
        World w = world();
        List<String> sent = statements.during(() -> given().auth().oauth2(w.token()).queryParam("after", w.a()).when()
                .get("/session-participants").then()
                .statusCode(200).body("items.id", contains(w.b(), w.p(), w.c()))
                .body("pagination.has_more_before", equalTo(true)));
        assertEquals(1, sent.size(), sent.toString());
        sent = statements.during(() -> given().auth().oauth2(w.token()).queryParam("after", w.a())
                .queryParam("type", "provider").when().get("/session-participants").then()
                .statusCode(200).body("items.id", contains(w.p())).body("pagination.has_more_before", equalTo(false)));
        // The anchor is no provider: a probe behind it answers has_more_before.
        assertEquals(2, sent.size(), sent.toString());
    }

    @Test
    void pages_through_both_orders_in_both_directions_without_skipping_or_repeating() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String session = McpFixtures.session(token);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(McpFixtures.connect(token, session, "client-" + i).path("participant_id"));
        }
        for (String order : List.of("asc", "desc")) {
            List<String> expected = new ArrayList<>(all);
            if (order.equals("desc")) {
                Collections.reverse(expected);
            }
            List<String> forward = new ArrayList<>();
            String after = null;
            boolean more = true;
            int pages = 0;
            while (more) {
                var request = given().auth().oauth2(token).queryParam("limit", 3).queryParam("order", order)
                        .queryParam("session_id", session);
                if (after != null) {
                    request.queryParam("after", after);
                }
                Response page = request.when().get("/session-participants");
                page.then().statusCode(200).body("pagination.has_more_before", equalTo(after != null));
                List<String> items = page.path("items.id");
                forward.addAll(items);
                more = page.path("pagination.has_more_after");
                after = items.get(items.size() - 1);
                pages++;
            }
            assertEquals(expected, forward, order + " forward");
            assertEquals(3, pages);

            List<String> backward = new ArrayList<>();
            String before = null;
            more = true;
            while (more) {
                var request = given().auth().oauth2(token).queryParam("limit", 3).queryParam("order", order)
                        .queryParam("session_id", session);
                if (before != null) {
                    request.queryParam("cursor", MetorialCursor.before(before));
                } else {
                    request.queryParam("before", PrefixedId.format("spt", order.equals("asc") ? new UUID(-1, -1) : new UUID(0, 0)));
                }
                Response page = request.when().get("/session-participants");
                page.then().statusCode(200);
                List<String> items = page.path("items.id");
                backward.addAll(0, items);
                more = page.path("pagination.has_more_before");
                assertTrue(before == null || (boolean) page.path("pagination.has_more_after"));
                before = items.get(0);
            }
            assertEquals(expected, backward, order + " backward");
        }
    }

    @Test
    void session_message_id_finds_the_participant_that_sent_each_message_asking_messages_service() {
        World w = world();
        FakeMessagesService.knows("smg_0000000000000000000001", w.s1(), w.spr(), "client", w.a(), w.a());
        FakeMessagesService.knows("smg_0000000000000000000002", w.s1(), w.spr(), "server", w.spr(), null);
        FakeMessagesService.knows("smg_0000000000000000000003", w.s2(), null, "client", w.c(), null);

        assertEquals(List.of(w.a()), ids(w, Map.of("session_message_id", "smg_0000000000000000000001")));
        assertEquals(List.of(w.p()), ids(w, Map.of("session_message_id[]", "smg_0000000000000000000002")));
        assertEquals(List.of(w.a(), w.p(), w.c()), ids(w, Map.of("session_message_id[0]", "smg_0000000000000000000001",
                "session_message_id[1]", "smg_0000000000000000000002", "session_message_id[2]", "smg_0000000000000000000003")));
        assertEquals(List.of(w.c()), ids(w, Map.of("session_message_id", "smg_0000000000000000000003", "type", "mcp_client")));
        assertEquals(List.of(), ids(w, Map.of("session_message_id", "smg_0000000000000000000009")));
        assertEquals("Bearer " + w.token(), FakeMessagesService.LAST_AUTHORIZATION.get(), "the caller's token is forwarded");
    }

    @Test
    void session_message_id_is_503_with_retry_after_when_messages_service_cannot_answer() {
        World w = world();
        FakeMessagesService.FAILING.set(true);
        try {
            given().auth().oauth2(w.token()).queryParam("session_message_id", "smg_0000000000000000000001")
                    .when().get("/session-participants").then().statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("code", equalTo("service_unavailable"));
        } finally {
            FakeMessagesService.FAILING.set(false);
        }
    }

    @Test
    void session_message_id_is_503_within_a_second_when_messages_service_stalls() {
        World w = world();
        FakeMessagesService.STALLED.set(true);
        try {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                given().auth().oauth2(w.token()).queryParam("session_message_id", "smg_0000000000000000000001")
                        .when().get("/session-participants").then().statusCode(503)
                        .header("Retry-After", notNullValue())
                        .body("code", equalTo("service_unavailable"));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 1000, "answered after " + millis + " ms");
            }
        } finally {
            FakeMessagesService.STALLED.set(false);
        }
    }

    @Test
    void participants_of_one_tenant_are_invisible_to_another_whatever_the_filter() {
        World w = world();
        String stranger = TestTokens.admin(TestTokens.newTenant());
        given().auth().oauth2(stranger).when().get("/session-participants").then().statusCode(200).body("items", empty());
        given().auth().oauth2(stranger).queryParam("session_id", w.s1()).when().get("/session-participants").then()
                .statusCode(200).body("items", empty());
        given().auth().oauth2(stranger).queryParam("id", w.a()).when().get("/session-participants").then()
                .statusCode(200).body("items", empty());
        given().auth().oauth2(stranger).when().get("/session-participants/" + w.a()).then().statusCode(404)
                .body("code", equalTo("not_found")).body("entity", equalTo("session.participant")).body("id", equalTo(w.a()));
    }

    @Test
    void bad_filters_cursors_and_ids_are_400s_naming_the_parameter_and_unknown_ids_404() {
        String token = TestTokens.admin(TestTokens.newTenant());
        Map<String, String> bad = Map.of(
                "type", "robot",
                "id", "ses_0000000000000000000000",
                "session_id", "nope",
                "session_connection_id", "spt_0000000000000000000000",
                "session_message_id", "x",
                "created_at[gt]", "yesterday",
                "updated_at[between]", "2025-01-01T00:00:00Z",
                "cursor", "not-a-cursor",
                "limit", "1000");
        bad.forEach((name, value) -> given().auth().oauth2(token).queryParam(name, value)
                .when().get("/session-participants").then().statusCode(400)
                .body("code", equalTo("invalid_data"))
                .body("errors", hasSize(1))
                .body("errors[0].path[0]", equalTo(name.startsWith("updated_at") ? "updated_at" : name)));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add("mcp_client");
        }
        given().auth().oauth2(token).queryParam("type", tooMany).when().get("/session-participants").then()
                .statusCode(400).body("errors[0].path[0]", equalTo("type"));
        given().auth().oauth2(token).when().get("/session-participants/spt_0000000000000000000000").then().statusCode(404);
        given().auth().oauth2(token).when().get("/session-participants/garbage").then().statusCode(404);
        given().when().get("/session-participants").then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void cursor_continues_like_after_and_after_wins_over_before_and_cursor() {
        World w = world();
        assertEquals(List.of(w.b(), w.p()), ids(w, Map.of("cursor", MetorialCursor.after(w.a()), "limit", "2")));
        assertEquals(List.of(w.p(), w.c()), ids(w, Map.of("after", w.b(), "before", w.a(),
                "cursor", MetorialCursor.after(w.a()))));
        assertFalse(ids(w, Map.of("before", w.p())).contains(w.p()));
    }
}
