package dev.sessionledger.messages;

import static dev.sessionledger.messages.MessageFixtures.error;
import static dev.sessionledger.messages.MessageFixtures.notification;
import static dev.sessionledger.messages.MessageFixtures.request;
import static dev.sessionledger.messages.MessageFixtures.response;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.metorial.MetorialCursor;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@ServiceTest
@QuarkusTestResource(FakeSessionsService.class)
class SessionMessageListTest {

    /** Pages through the list from {@code first} on, following {@code step} until it says no more. */
    private static List<String> walk(MessageFixtures f, Map<String, Object> first, String step, String more,
            boolean fromLastItem) {
        List<String> seen = new ArrayList<>();
        Map<String, Object> query = new HashMap<>(first);
        for (int pages = 0; pages < 20; pages++) {
            JsonPath page = f.list(query).statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            seen.addAll(ids);
            if (!page.getBoolean("pagination." + more)) {
                return seen;
            }
            query.put(step, fromLastItem ? ids.get(ids.size() - 1) : ids.get(0));
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void pages_forward_with_after_and_backward_with_before_without_skipping_or_repeating() {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.recordNotifications(25);

        assertEquals(ids, walk(f, Map.of("limit", 7), "after", "has_more_after", true));

        List<String> descending = new ArrayList<>(ids);
        Collections.reverse(descending);
        assertEquals(descending, walk(f, Map.of("limit", 7, "order", "desc"), "after", "has_more_after", true));

        // From the end backwards in ascending order: each page lies before the first item of the last one.
        List<String> backwards = new ArrayList<>();
        Map<String, Object> query = new HashMap<>(Map.of("limit", 7, "before", ids.get(24)));
        f.list(query).body("items.id", equalTo(ids.subList(17, 24)))
                .body("pagination.has_more_before", equalTo(true))
                .body("pagination.has_more_after", equalTo(true));
        List<String> chunk;
        do {
            JsonPath page = f.list(query).extract().jsonPath();
            chunk = page.getList("items.id");
            backwards.addAll(0, chunk);
            query.put("before", chunk.get(0));
            if (!page.getBoolean("pagination.has_more_before")) {
                break;
            }
        } while (true);
        assertEquals(ids.subList(0, 24), backwards);
    }

    @Test
    void the_first_and_last_pages_say_what_lies_beyond_them() {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.recordNotifications(5);
        f.list(Map.of("limit", 5)).body("items.id", equalTo(ids))
                .body("pagination.has_more_before", equalTo(false))
                .body("pagination.has_more_after", equalTo(false));
        f.list(Map.of("limit", 2, "after", ids.get(2))).body("items.id", contains(ids.get(3), ids.get(4)))
                .body("pagination.has_more_before", equalTo(true))
                .body("pagination.has_more_after", equalTo(false));
        f.list(Map.of("limit", 2, "before", ids.get(2))).body("items.id", contains(ids.get(0), ids.get(1)))
                .body("pagination.has_more_before", equalTo(false))
                .body("pagination.has_more_after", equalTo(true));
    }

    @Test
    void a_cursor_continues_like_after_or_before_and_loses_to_them() {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.recordNotifications(6);
        f.list(Map.of("limit", 2, "cursor", MetorialCursor.after(ids.get(1))))
                .statusCode(200).body("items.id", contains(ids.get(2), ids.get(3)));
        f.list(Map.of("limit", 2, "cursor", MetorialCursor.before(ids.get(4))))
                .statusCode(200).body("items.id", contains(ids.get(2), ids.get(3)));
        f.list(Map.of("limit", 2, "after", ids.get(3), "cursor", MetorialCursor.after(ids.get(0))))
                .statusCode(200).body("items.id", contains(ids.get(4), ids.get(5)));
    }

    @Test
    void a_bad_cursor_limit_order_or_anchor_is_400_naming_it() {
        MessageFixtures f = new MessageFixtures();
        Map<String, String> bad = Map.of(
                "cursor", "not a cursor!",
                "limit", "101",
                "order", "sideways",
                "after", "smg_nope",
                "type", "reply",
                "session_provider_id", "ses_0000000000000000000000",
                "provider_run_id", "x");
        bad.forEach((parameter, value) -> f.list(Map.of(parameter, value))
                .statusCode(400)
                .body("code", equalTo("invalid_data"))
                .body("errors[0].path[0]", equalTo(parameter)));
        f.list(Map.of("cursor", MetorialCursor.after("spr_0000000000000000000000")))
                .statusCode(400).body("errors[0].path[0]", equalTo("cursor"));
    }

    @Test
    void filters_by_type_in_every_qs_style() {
        MessageFixtures f = new MessageFixtures();
        List<String> ids = f.post(List.of(
                f.message("client", request(1, "tools/list")),
                f.message("server", response(1)),
                f.message("client", notification("x")),
                f.message("server", error(9)))).statusCode(201).extract().jsonPath().getList("items.id");
        f.list(Map.of("type", "response")).body("items.id", contains(ids.get(1)));
        given().auth().oauth2(f.token).queryParam("type", "request", "error")
                .when().get("/sessions/" + f.session + "/messages").then()
                .body("items.id", contains(ids.get(0), ids.get(3)));
        f.list(Map.of("type[0]", "notification", "type[1]", "request")).body("items.id", contains(ids.get(0), ids.get(2)));
        given().auth().oauth2(f.token).queryParam("type[]", "error", "response")
                .when().get("/sessions/" + f.session + "/messages").then()
                .body("items.id", contains(ids.get(1), ids.get(3)));
        f.list(Map.of("type", "error", "order", "desc", "limit", 1)).body("items.id", contains(ids.get(3)));
    }

    @Test
    void filters_by_session_provider_and_provider_run() {
        MessageFixtures f = new MessageFixtures();
        String[] other = f.anotherServerSession();
        Map<String, Object> inRun = new HashMap<>(f.message("client", notification("a")));
        inRun.put("provider_run_id", f.run);
        Map<String, Object> plain = f.message("client", notification("b"));
        Map<String, Object> elsewhere = new HashMap<>(f.message("client", notification("c")));
        elsewhere.put("server_session_id", other[0]);
        elsewhere.put("provider_run_id", other[1]);
        List<String> ids = f.post(List.of(inRun, plain, elsewhere)).statusCode(201).extract().jsonPath()
                .getList("items.id");
        f.list(Map.of("session_provider_id", f.serverSession)).body("items.id", contains(ids.get(0), ids.get(1)));
        f.list(Map.of("session_provider_id", other[0])).body("items.id", contains(ids.get(2)));
        f.list(Map.of("session_provider_id[0]", other[0], "session_provider_id[1]", f.serverSession))
                .body("items.id", contains(ids.get(0), ids.get(1), ids.get(2)));
        f.list(Map.of("provider_run_id", f.run)).body("items.id", contains(ids.get(0)));
        f.list(Map.of("provider_run_id[]", other[1])).body("items.id", contains(ids.get(2)));
        f.list(Map.of("provider_run_id", f.run, "session_provider_id", other[0])).body("items", empty());
        f.list(Map.of("provider_run_id", PrefixedId.format("srr", PrefixedId.newUuid()))).body("items", empty());
        // The names Metorial's SDK sends for the same two filters.
        f.list(Map.of("server_session_id[0]", other[0])).body("items.id", contains(ids.get(2)));
        f.list(Map.of("server_run_id", f.run)).body("items.id", contains(ids.get(0)));
        f.list(Map.of("server_run_id", "spr_x")).statusCode(400).body("errors[0].path[0]", equalTo("server_run_id"));
    }

    @Test
    void filtered_pages_follow_the_filter_across_anchors() {
        MessageFixtures f = new MessageFixtures();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            batch.add(f.message("client", i % 3 == 0 ? request(i, "m" + i) : notification("n" + i)));
        }
        List<String> ids = f.post(batch).statusCode(201).extract().jsonPath().getList("items.id");
        List<String> requests = List.of(ids.get(0), ids.get(3), ids.get(6), ids.get(9));
        assertEquals(requests, walk(f, Map.of("limit", 3, "type", "request"), "after", "has_more_after", true));
        f.list(Map.of("limit", 2, "type", "request", "before", ids.get(9)))
                .body("items.id", contains(ids.get(3), ids.get(6)))
                .body("pagination.has_more_before", equalTo(true));
    }

    @Test
    void an_anchor_outside_the_filter_still_tells_what_lies_behind_it() {
        MessageFixtures f = new MessageFixtures();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(f.message("client", i % 2 == 0 ? request(i, "m" + i) : notification("n" + i)));
        }
        List<String> ids = f.post(batch).statusCode(201).extract().jsonPath().getList("items.id");
        f.list(Map.of("limit", 5, "type", "request", "after", ids.get(1)))
                .body("items.id", contains(ids.get(2), ids.get(4)))
                .body("pagination.has_more_before", equalTo(true))
                .body("pagination.has_more_after", equalTo(false));
        f.list(Map.of("limit", 5, "type", "notification", "after", ids.get(0)))
                .body("items.id", contains(ids.get(1), ids.get(3), ids.get(5)))
                .body("pagination.has_more_before", equalTo(false));
        f.list(Map.of("limit", 1, "type", "notification", "before", ids.get(4)))
                .body("items.id", contains(ids.get(3)))
                .body("pagination.has_more_before", equalTo(true))
                .body("pagination.has_more_after", equalTo(true));
    }

    @Test
    void gets_one_message_of_the_session_and_404s_any_other() {
        MessageFixtures f = new MessageFixtures();
        String id = f.post(List.of(f.message("client", request("r", "tools/call")))).statusCode(201)
                .extract().path("items[0].id");
        given().auth().oauth2(f.token).when().get("/sessions/" + f.session + "/messages/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("object", equalTo("session.message"))
                .body("type", equalTo("request"))
                .body("mcp_message.method", equalTo("tools/call"))
                .body("mcp_message.payload.id", equalTo("r"));
        String otherSession = PrefixedId.format("ses", PrefixedId.newUuid());
        given().auth().oauth2(f.token).when().get("/sessions/" + otherSession + "/messages/" + id).then()
                .statusCode(404).body("entity", equalTo("session")).body("id", equalTo(otherSession));
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant()))
                .when().get("/sessions/" + f.session + "/messages/" + id).then()
                .statusCode(404).body("code", equalTo("not_found"));
        given().auth().oauth2(f.token).when().get("/sessions/" + f.session + "/messages/smg_bad").then()
                .statusCode(404).body("entity", equalTo("session.message"));
    }
}
