package dev.sessionledger.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.Concurrently;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import javax.sql.DataSource;

@QuarkusTest
@ServiceTest
class ThreadParticipantResourceTest {

    @Inject
    DataSource dataSource;

    private String join(String tenant, UUID thread, String userId) {
        return new ThreadFixtures(dataSource).join(tenant, thread, userId);
    }

    private UUID thread(String tenant) {
        return new ThreadFixtures(dataSource).thread(tenant, "t");
    }

    @Test
    void an_admin_lists_every_participant_of_the_tenant() {
        String tenant = TestTokens.newTenant();
        UUID t1 = thread(tenant);
        UUID t2 = thread(tenant);
        String a = join(tenant, t1, "alice");
        String b = join(tenant, t2, "bob");

        given().auth().oauth2(TestTokens.admin(tenant)).when().get("/api/thread-participants").then()
                .statusCode(200)
                .body("data.id", contains(a, b))
                .body("data[0].threadId", equalTo(t1.toString()))
                .body("data[0].userId", equalTo("alice"))
                .body("data[0].displayName", equalTo("User alice"))
                .body("pageInfo.total", equalTo(2))
                .body("pageInfo.hasNextPage", equalTo(false))
                .body("pageInfo.hasPreviousPage", equalTo(false));
        given().auth().oauth2(TestTokens.admin(tenant)).queryParam("limit", 1).when().get("/api/thread-participants")
                .then()
                .body("data.id", contains(a))
                .body("pageInfo.total", equalTo(2))
                .body("pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void a_member_sees_only_threads_they_take_part_in() {
        String tenant = TestTokens.newTenant();
        UUID mine = thread(tenant);
        UUID theirs = thread(tenant);
        String me = join(tenant, mine, "carol");
        String friend = join(tenant, mine, "dave");
        join(tenant, theirs, "erin");
        String token = TestTokens.member("carol", tenant);

        given().auth().oauth2(token).queryParam("thread_id", mine.toString()).when().get("/api/thread-participants")
                .then().statusCode(200).body("data.id", containsInAnyOrder(me, friend));
        given().auth().oauth2(token).queryParam("thread_id", theirs.toString()).when().get("/api/thread-participants")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/api/thread-participants").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("thread_id"));
    }

    @Test
    void participants_of_one_tenant_are_invisible_to_another() {
        String tenant = TestTokens.newTenant();
        UUID t = thread(tenant);
        join(tenant, t, "frank");

        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).when().get("/api/thread-participants").then()
                .statusCode(200).body("data", empty()).body("pageInfo.total", equalTo(0));
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).queryParam("thread_id", t.toString())
                .when().get("/api/thread-participants").then()
                .statusCode(200).body("data", empty());
    }

    @Test
    void bad_limit_or_thread_id_is_a_400() {
        String token = TestTokens.admin(TestTokens.newTenant());
        given().auth().oauth2(token).queryParam("limit", "0").when().get("/api/thread-participants").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).queryParam("thread_id", "x").when().get("/api/thread-participants").then()
                .statusCode(400).body("errors[0].field", equalTo("thread_id"));
    }

    private static String newThread(String token) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"title\":\"Planning\"}")
                .when().post("/api/threads").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse add(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/thread-participants").then();
    }

    @Test
    void adding_a_participant_returns_it_and_adding_the_same_one_again_is_409() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String thread = newThread(token);
        String body = "{\"threadId\":\"" + thread + "\",\"agentId\":\"planner\",\"displayName\":\"Planner\"}";

        String id = add(token, body).statusCode(201)
                .body("threadId", equalTo(thread))
                .body("agentId", equalTo("planner"))
                .body("userId", nullValue())
                .body("displayName", equalTo("Planner"))
                .body("joinedAt", notNullValue())
                .body("lastReadAt", nullValue())
                .extract().path("id");
        add(token, body).statusCode(409).contentType("application/problem+json").body("status", equalTo(409));

        given().auth().oauth2(token).when().get("/api/thread-participants/" + id).then()
                .statusCode(200).body("id", equalTo(id)).body("agentId", equalTo("planner"));
        given().auth().oauth2(token).queryParam("thread_id", thread).when().get("/api/thread-participants").then()
                .body("pageInfo.total", equalTo(2));
    }

    @Test
    void a_participant_must_be_exactly_one_of_user_agent_swarm_or_external_identity() {
        String token = TestTokens.admin(TestTokens.newTenant());
        String thread = newThread(token);

        add(token, "{\"threadId\":\"" + thread + "\"}").statusCode(400)
                .body("errors.field", hasItems("userId", "agentId", "swarmId", "externalIdentity"));
        add(token, "{\"threadId\":\"" + thread + "\",\"userId\":\"a\",\"swarmId\":\"b\"}").statusCode(400)
                .body("errors[0].message", containsString("exactly one"));
        add(token, "{\"threadId\":\"nope\",\"userId\":\"a\"}").statusCode(400)
                .body("errors[0].field", equalTo("threadId"));
        add(token, "{\"userId\":\"a\"}").statusCode(400).body("errors[0].field", equalTo("threadId"));
        add(token, "{\"threadId\":\"" + thread + "\",\"userId\":\"" + "x".repeat(201) + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("userId"));
        add(token, "{\"threadId\":\"" + thread + "\",\"userId\":\"a\\u0000b\"}").statusCode(400)
                .body("errors[0].field", equalTo("userId"));
        add(token, "{not json").statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("thread_id", thread).when().get("/api/thread-participants").then()
                .body("pageInfo.total", equalTo(1));
    }

    @Test
    void a_member_adds_to_and_removes_from_only_threads_they_take_part_in() {
        String tenant = TestTokens.newTenant();
        String grace = TestTokens.member("grace", tenant);
        String heidi = TestTokens.member("heidi", tenant);
        String graces = newThread(grace);

        String ivan = add(grace, "{\"threadId\":\"" + graces + "\",\"userId\":\"ivan\"}").statusCode(201)
                .extract().path("id");
        add(heidi, "{\"threadId\":\"" + graces + "\",\"userId\":\"heidi\"}").statusCode(404);
        given().auth().oauth2(heidi).when().get("/api/thread-participants/" + ivan).then().statusCode(404);
        given().auth().oauth2(heidi).when().delete("/api/thread-participants/" + ivan).then().statusCode(404);

        given().auth().oauth2(TestTokens.admin(tenant)).when().delete("/api/thread-participants/" + ivan).then()
                .statusCode(200).body("success", equalTo(true));
        given().auth().oauth2(grace).when().get("/api/thread-participants/" + ivan).then().statusCode(404);
        given().auth().oauth2(grace).when().delete("/api/thread-participants/" + ivan).then().statusCode(404);
    }

    /** As with read state, a member may take only themselves out of a thread; an administrator anyone. */
    @Test
    void a_member_removes_only_themselves_and_an_admin_removes_anyone_of_the_tenant() {
        String tenant = TestTokens.newTenant();
        String admin = TestTokens.admin(tenant);
        String grace = TestTokens.member("grace", tenant);
        String thread = newThread(admin);
        String ivan = add(admin, "{\"threadId\":\"" + thread + "\",\"userId\":\"ivan\"}").statusCode(201)
                .extract().path("id");
        String planner = add(admin, "{\"threadId\":\"" + thread + "\",\"agentId\":\"planner\"}").statusCode(201)
                .extract().path("id");
        String graces = add(admin, "{\"threadId\":\"" + thread + "\",\"userId\":\"grace\"}").statusCode(201)
                .extract().path("id");
        String creator = given().auth().oauth2(admin).queryParam("thread_id", thread).queryParam("user_id",
                "admin-" + tenant).when().get("/api/thread-participants").then().extract().path("data[0].id");

        for (String other : new String[] {ivan, planner, creator}) {
            given().auth().oauth2(grace).when().delete("/api/thread-participants/" + other).then()
                    .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
        given().auth().oauth2(admin).queryParam("thread_id", thread).when().get("/api/thread-participants").then()
                .body("pageInfo.total", equalTo(4));

        given().auth().oauth2(grace).when().delete("/api/thread-participants/" + graces).then()
                .statusCode(200).body("success", equalTo(true));
        given().auth().oauth2(grace).queryParam("thread_id", thread).when().get("/api/thread-participants").then()
                .statusCode(404);
        given().auth().oauth2(admin).when().delete("/api/thread-participants/" + planner).then().statusCode(200);
        given().auth().oauth2(admin).when().delete("/api/thread-participants/" + creator).then().statusCode(200);
        given().auth().oauth2(admin).queryParam("thread_id", thread).when().get("/api/thread-participants").then()
                .body("data.id", contains(ivan)).body("pageInfo.total", equalTo(1));
    }

    @Test
    void parallel_removals_of_one_participant_remove_it_once_and_answer_404_to_the_rest() throws Exception {
        String tenant = TestTokens.newTenant();
        UUID t = thread(tenant);
        String id = join(tenant, t, "olga");
        join(tenant, t, "pete");
        String admin = TestTokens.admin(tenant);

        java.util.List<Integer> statuses = Concurrently.times(16, () -> given().auth().oauth2(admin).when()
                .delete("/api/thread-participants/" + id).then().extract().statusCode());

        org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 200).count(),
                statuses.toString());
        org.junit.jupiter.api.Assertions.assertEquals(15, statuses.stream().filter(s -> s == 404).count(),
                statuses.toString());
        given().auth().oauth2(admin).queryParam("thread_id", t.toString()).when().get("/api/thread-participants")
                .then().body("pageInfo.total", equalTo(1));
    }

    /** A read-state move that meets a removal of the same participant answers 200 before it and 404 after it. */
    @Test
    void moves_of_read_state_racing_a_removal_answer_200_or_404() throws Exception {
        String tenant = TestTokens.newTenant();
        UUID t = thread(tenant);
        String id = join(tenant, t, "quinn");
        String admin = TestTokens.admin(tenant);
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

        java.util.List<String> answers = Concurrently.times(16, () -> {
            boolean remove = turn.getAndIncrement() % 4 == 0;
            io.restassured.specification.RequestSpecification request = given().auth().oauth2(admin);
            int status = remove
                    ? request.when().delete("/api/thread-participants/" + id).then().extract().statusCode()
                    : request.contentType("application/json").body("{\"lastReadMessageId\":\"m\"}").when()
                            .patch("/api/thread-participants/" + id).then().extract().statusCode();
            return (remove ? "DELETE " : "PATCH ") + status;
        });

        org.junit.jupiter.api.Assertions.assertEquals(1, answers.stream().filter("DELETE 200"::equals).count(),
                answers.toString());
        org.junit.jupiter.api.Assertions.assertTrue(answers.stream().allMatch(a -> a.endsWith(" 200")
                || a.endsWith(" 404")), answers.toString());
    }

    @Test
    void unknown_malformed_and_foreign_participant_ids_are_404() {
        String tenant = TestTokens.newTenant();
        String id = join(tenant, thread(tenant), "judy");
        String stranger = TestTokens.admin(TestTokens.newTenant());

        given().auth().oauth2(stranger).when().get("/api/thread-participants/" + id).then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(stranger).when().delete("/api/thread-participants/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/api/thread-participants/not-an-id").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin(tenant)).when().get("/api/thread-participants/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.admin(tenant)).when().get("/api/thread-participants/" + id).then()
                .statusCode(200).body("userId", equalTo("judy"));
    }

    @Test
    void patching_read_state_moves_the_marker_and_defaults_lastReadAt_to_now() {
        String tenant = TestTokens.newTenant();
        UUID t = thread(tenant);
        String mine = join(tenant, t, "ken");
        String token = TestTokens.member("ken", tenant);
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);

        String readAt = given().auth().oauth2(token).contentType("application/json")
                .body("{\"lastReadMessageId\":\"msg_1\"}")
                .when().patch("/api/thread-participants/" + mine).then()
                .statusCode(200).body("lastReadMessageId", equalTo("msg_1")).extract().path("lastReadAt");
        org.junit.jupiter.api.Assertions.assertTrue(java.time.Instant.parse(readAt).isAfter(before), readAt);

        given().auth().oauth2(token).contentType("application/json")
                .body("{\"lastReadMessageId\":\"msg_2\",\"lastReadAt\":\"2030-01-02T03:04:05Z\",\"displayName\":\"Ken\"}")
                .when().patch("/api/thread-participants/" + mine).then()
                .statusCode(200).body("lastReadAt", equalTo("2030-01-02T03:04:05Z")).body("displayName", equalTo("Ken"));
        given().auth().oauth2(token).when().get("/api/thread-participants/" + mine).then()
                .body("lastReadMessageId", equalTo("msg_2")).body("lastReadAt", equalTo("2030-01-02T03:04:05Z"));
    }

    @Test
    void bad_patches_are_400_and_someone_elses_read_state_is_403() {
        String tenant = TestTokens.newTenant();
        UUID t = thread(tenant);
        String mine = join(tenant, t, "leo");
        String theirs = join(tenant, t, "mia");
        String token = TestTokens.member("leo", tenant);

        given().auth().oauth2(token).contentType("application/json").body("{\"lastReadAt\":\"yesterday\"}")
                .when().patch("/api/thread-participants/" + mine).then()
                .statusCode(400).body("errors[0].field", equalTo("lastReadAt"));
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().patch("/api/thread-participants/" + mine).then().statusCode(400);
        given().auth().oauth2(token).contentType("application/json").body("{\"lastReadMessageId\":\"m\"}")
                .when().patch("/api/thread-participants/" + theirs).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(tenant)).contentType("application/json")
                .body("{\"lastReadMessageId\":\"m\"}")
                .when().patch("/api/thread-participants/" + theirs).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/thread-participants/" + mine).then()
                .body("lastReadMessageId", nullValue());
    }

    @Test
    void a_thread_total_follows_adds_and_removes_and_participants_never_change_thread() {
        String tenant = TestTokens.newTenant();
        UUID t = thread(tenant);
        UUID elsewhere = thread(tenant);
        String rita = join(tenant, t, "rita");
        String sam = join(tenant, t, "sam");
        String token = TestTokens.admin(tenant);

        given().auth().oauth2(token).queryParam("thread_id", t.toString()).when().get("/api/thread-participants")
                .then().body("pageInfo.total", equalTo(2));
        given().auth().oauth2(token).when().delete("/api/thread-participants/" + rita).then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> new ThreadFixtures(dataSource)
                .update("update thread_participant set thread_id = ? where id = ?", elsewhere, UUID.fromString(sam)));
        given().auth().oauth2(token).queryParam("thread_id", t.toString()).when().get("/api/thread-participants")
                .then().body("pageInfo.total", equalTo(1)).body("data.id", contains(sam));
        given().auth().oauth2(token).queryParam("thread_id", elsewhere.toString()).when().get("/api/thread-participants")
                .then().body("pageInfo.total", equalTo(0));
    }
}
