package dev.sessionledger.sessions.realtime.session;

import static dev.sessionledger.sessions.realtime.RealtimeApi.at;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.sessions.realtime.RealtimeApi;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@ServiceTest
class RealtimeSessionListTest {

    @Test
    void a_started_session_reads_back_with_every_field_of_the_published_object() {
        RealtimeApi api = new RealtimeApi();
        String id = api.auth().body(Map.of("associated_id", "bbb-ccc", "meeting_display_name", "Board review",
                "type", "livestream", "started_at", at(0).toString(), "meta", Map.of("room", "blue")))
                .when().post(api.sessions()).then().statusCode(201)
                .body("success", equalTo(true))
                .extract().path("data.id");
        api.auth().when().get(api.sessions() + "/" + id).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo(id))
                .body("data.associated_id", equalTo("bbb-ccc"))
                .body("data.meeting_display_name", equalTo("Board review"))
                .body("data.type", equalTo("livestream"))
                .body("data.status", equalTo("LIVE"))
                .body("data.organization_id", equalTo(api.app))
                .body("data.started_at", equalTo(at(0).toString()))
                .body("data.live_participants", equalTo(0))
                .body("data.max_concurrent_participants", equalTo(0))
                .body("data.minutes_consumed", equalTo(0.0f))
                .body("data.meta.room", equalTo("blue"))
                .body("data", hasKey("created_at"))
                .body("data", hasKey("updated_at"))
                .body("data", not(hasKey("ended_at")))
                .body("data", not(hasKey("breakout_rooms")));
        api.auth().queryParam("include_breakout_rooms", "true").when().get(api.sessions() + "/" + id).then()
                .body("data.breakout_rooms", empty());
    }

    @Test
    void a_start_retried_with_the_same_id_returns_the_first_session() {
        RealtimeApi api = new RealtimeApi();
        String id = "3d9a3c52-4d0e-4f7b-9a52-5f1f0c6f7e21";
        Map<String, Object> body = Map.of("id", id, "associated_id", "m-1");
        api.auth().body(body).when().post(api.sessions()).then().statusCode(201).body("data.id", equalTo(id));
        api.auth().body(body).when().post(api.sessions()).then().statusCode(200).body("data.id", equalTo(id));
        api.otherApp().auth().body(body).when().post(api.otherApp().sessions()).then().statusCode(409);
        api.auth().when().get(api.sessions()).then().body("paging.total_count", equalTo(1));
    }

    @Test
    void lists_pages_with_the_paging_object_and_sorts_by_created_at_both_ways() {
        RealtimeApi api = new RealtimeApi();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.start("m-" + i, "Meeting " + i, at(i)));
        }
        api.auth().queryParam("per_page", 2).when().get(api.sessions()).then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.sessions.id", contains(ids.get(4), ids.get(3)))
                .body("paging.start_offset", equalTo(0))
                .body("paging.end_offset", equalTo(1))
                .body("paging.total_count", equalTo(5));
        api.auth().queryParam("per_page", 2).queryParam("page_no", 3).when().get(api.sessions()).then()
                .body("data.sessions.id", contains(ids.get(0)))
                .body("paging.start_offset", equalTo(4))
                .body("paging.end_offset", equalTo(4));
        api.auth().queryParam("sort_by", "createdAt").queryParam("sort_order", "ASC").queryParam("per_page", 3)
                .queryParam("page_no", 2).when().get(api.sessions()).then()
                .body("data.sessions.id", contains(ids.get(3), ids.get(4)));
    }

    @Test
    void sorts_by_minutes_consumed() {
        RealtimeApi api = new RealtimeApi();
        String shortOne = meeting(api, "short", 2);
        String longOne = meeting(api, "long", 9);
        String middle = meeting(api, "middle", 5);
        api.auth().queryParam("sort_by", "minutesConsumed").queryParam("sort_order", "DESC").when()
                .get(api.sessions()).then().statusCode(200)
                .body("data.sessions.id", contains(longOne, middle, shortOne))
                .body("data.sessions.minutes_consumed", contains(9.0f, 5.0f, 2.0f));
        api.auth().queryParam("sort_by", "minutesConsumed").queryParam("sort_order", "ASC").when()
                .get(api.sessions()).then()
                .body("data.sessions.id", contains(shortOne, middle, longOne));
    }

    @Test
    void filters_by_meeting_status_time_range_participants_and_search() {
        RealtimeApi api = new RealtimeApi();
        String ended = meeting(api, "Quarterly planning", 3);
        String live = api.start("room-xyz", "Design critique", at(30));
        api.join(live, "Ada", at(31));
        api.join(live, "Bob", at(31));

        api.auth().queryParam("associated_id", "room-xyz").when().get(api.sessions()).then()
                .body("data.sessions.id", contains(live));
        api.auth().queryParam("status", "ENDED").when().get(api.sessions()).then()
                .body("data.sessions.id", contains(ended));
        api.auth().queryParam("status", "LIVE").when().get(api.sessions()).then()
                .body("data.sessions.id", contains(live));
        api.auth().queryParam("start_time", at(10).toString()).when().get(api.sessions()).then()
                .body("data.sessions.id", contains(live));
        api.auth().queryParam("end_time", at(10).toString()).when().get(api.sessions()).then()
                .body("data.sessions.id", contains(ended));
        api.auth().queryParam("participants", "2:10").when().get(api.sessions()).then()
                .body("data.sessions.id", contains(live));
        api.auth().queryParam("participants", "1").when().get(api.sessions()).then()
                .body("data.sessions.id", contains(ended));
        api.auth().queryParam("participants", ":1").when().get(api.sessions()).then()
                .body("data.sessions.id", contains(ended));
        api.auth().queryParam("search", "CRITIQUE").when().get(api.sessions()).then()
                .body("data.sessions.id", contains(live));
        api.auth().queryParam("search", "xyz").when().get(api.sessions()).then()
                .body("data.sessions.id", contains(live));
        api.auth().queryParam("search", ended).when().get(api.sessions()).then()
                .body("data.sessions.id", contains(ended));
        api.auth().queryParam("search", "%").when().get(api.sessions()).then()
                .body("data.sessions", empty())
                .body("paging.total_count", equalTo(0));
    }

    @Test
    void bad_query_parameters_are_400s_naming_the_parameter() {
        RealtimeApi api = new RealtimeApi();
        Map<String, String> bad = Map.of("per_page", "0", "page_no", "zero", "sort_by", "title", "sort_order", "up",
                "status", "OPEN", "start_time", "yesterday", "participants", "10:1");
        bad.forEach((name, value) -> api.auth().queryParam(name, value).when().get(api.sessions()).then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo(400))
                .body("error.message", containsString(name)));
        api.auth().queryParam("per_page", "101").when().get(api.sessions()).then().statusCode(400);
    }

    @Test
    void another_account_or_app_sees_nothing() {
        RealtimeApi api = new RealtimeApi();
        String id = api.start("m", "Private", at(0));
        RealtimeApi stranger = new RealtimeApi();
        given().auth().oauth2(stranger.token).when().get(api.sessions()).then().statusCode(404)
                .body("success", equalTo(false))
                .body("error.code", equalTo(404));
        given().auth().oauth2(stranger.token).when().get(api.sessions() + "/" + id).then().statusCode(404);
        given().auth().oauth2(stranger.token).when().get(api.sessions() + "/" + id + "/participants").then()
                .statusCode(404);
        RealtimeApi otherApp = api.otherApp();
        otherApp.auth().when().get(otherApp.sessions()).then().statusCode(200).body("data.sessions", empty());
        otherApp.auth().when().get(otherApp.sessions() + "/" + id).then().statusCode(404);
    }

    @Test
    void no_token_is_a_401_in_the_realtimekit_envelope() {
        RealtimeApi api = new RealtimeApi();
        given().when().get(api.sessions()).then().statusCode(401)
                .body("success", equalTo(false))
                .body("error.code", equalTo(401));
    }

    @Test
    void a_bad_start_body_is_a_400_naming_each_field() {
        RealtimeApi api = new RealtimeApi();
        api.auth().body(Map.of("type", "party", "started_at", "soon")).when().post(api.sessions()).then()
                .statusCode(400)
                .body("error.message", equalTo("Invalid input: 3 problems"));
        api.auth().body(Map.of("associated_id", "m")).when().post("/accounts/" + api.tenant + "/realtime/kit/bad%20app/sessions")
                .then().statusCode(400).body("error.message", containsString("app_id"));
    }

    /** An ended session in which one peer stayed {@code minutes}. */
    private static String meeting(RealtimeApi api, String title, int minutes) {
        String session = api.start(title, title, at(0));
        String peer = api.join(session, "Solo", at(0));
        api.leave(session, peer, at(minutes)).statusCode(200);
        api.end(session, at(minutes)).statusCode(200);
        return session;
    }
}
