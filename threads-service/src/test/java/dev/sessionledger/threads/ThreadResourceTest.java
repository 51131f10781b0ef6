package dev.sessionledger.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.Concurrently;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import javax.sql.DataSource;

@QuarkusTest
@ServiceTest
class ThreadResourceTest {

    @Inject
    DataSource dataSource;

    /**
     * The race decided at commit: another transaction holds the key, uncommitted, so the service's
     * insert waits on the unique index and fails when that transaction commits. The create must then
     * answer with the thread that won, not with an error.
     */
    @Test
    void a_create_that_loses_the_race_for_its_key_at_commit_answers_the_winning_thread() throws Exception {
        UUID winner = UUID.randomUUID();
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            Future<ExtractableResponse<Response>> create = createWhileKeyIsHeld(other, client, winner);
            other.commit();
            ExtractableResponse<Response> answer = create.get(30, TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.asString());
            assertEquals(winner.toString(), answer.path("id"));
        } finally {
            client.shutdownNow();
        }
    }

    /** A connection lost while the transaction commits (the database restarting) is a 503 to retry, not a 500. */
    @Test
    void a_connection_lost_while_committing_is_503_with_retry_after() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            Future<ExtractableResponse<Response>> create = createWhileKeyIsHeld(other, client, UUID.randomUUID());
            try (Statement kill = other.createStatement()) {
                kill.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and query like 'insert into thread %'");
            }
            ExtractableResponse<Response> answer = create.get(30, TimeUnit.SECONDS);
            assertEquals(503, answer.statusCode(), answer.asString());
            assertNotNull(answer.header("Retry-After"));
            other.rollback();
        } finally {
            client.shutdownNow();
        }
    }

    /**
     * Holds an idempotency key in an uncommitted insert of {@code other} (thread {@code heldBy} of a
     * new tenant), sends a create with that key, and returns once the service's insert waits for it.
     */
    private Future<ExtractableResponse<Response>> createWhileKeyIsHeld(Connection other, ExecutorService client,
            UUID heldBy) throws Exception {
        String tenant = TestTokens.newTenant();
        other.setAutoCommit(false);
        try (PreparedStatement insert = other.prepareStatement("insert into thread (id, tenant_id, title, metadata,"
                + " created_by, created_at, idempotency_key) values (?, ?, 'held', '{}', 'other', now(), 'k-held')")) {
            insert.setObject(1, heldBy);
            insert.setString(2, tenant);
            insert.executeUpdate();
        }
        String token = TestTokens.admin(tenant);
        Future<ExtractableResponse<Response>> create = client.submit(() -> given().auth().oauth2(token)
                .header("Idempotency-Key", "k-held").contentType("application/json").body("{\"title\":\"second\"}")
                .when().post("/api/threads").then().extract());
        awaitInsertWaitingOnALock();
        return create;
    }

    /** Until the service's insert of a thread waits for the lock another transaction holds on its key. */
    private void awaitInsertWaitingOnALock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection watcher = dataSource.getConnection();
                PreparedStatement waiting = watcher.prepareStatement("select count(*) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and query like 'insert into thread %'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the create never reached its insert");
    }

    @Test
    void a_create_retried_with_its_idempotency_key_answers_the_first_thread_even_in_parallel() throws Exception {
        String member = "member-" + UUID.randomUUID();
        String token = TestTokens.member(member, TestTokens.newTenant());
        java.util.List<ExtractableResponse<Response>> answers =
                Concurrently.times(16, () -> given().auth().oauth2(token).header("Idempotency-Key", "create-1")
                        .contentType("application/json").body("{\"title\":\"Retried\"}")
                        .when().post("/api/threads").then().extract());
        assertEquals(java.util.Set.of(201), answers.stream().map(a -> a.statusCode()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(1, answers.stream().map(a -> a.path("id")).distinct().count());
        String thread = answers.get(0).path("id");

        String again = given().auth().oauth2(token).header("Idempotency-Key", "create-1")
                .contentType("application/json").body("{\"title\":\"Retried\"}")
                .when().post("/api/threads").then().statusCode(201).extract().path("id");
        assertEquals(thread, again);
        String other = given().auth().oauth2(token).header("Idempotency-Key", "create-2")
                .contentType("application/json").body("{\"title\":\"Another\"}")
                .when().post("/api/threads").then().statusCode(201).extract().path("id");
        assertNotEquals(thread, other);
        given().auth().oauth2(token).queryParam("thread_id", thread).when().get("/api/thread-participants").then()
                .statusCode(200).body("pageInfo.total", equalTo(1));
    }

    @Test
    void starting_a_thread_makes_the_creator_its_first_participant() {
        String tenant = TestTokens.newTenant();
        String token = TestTokens.member("nina", tenant);

        String id = given().auth().oauth2(token).contentType("application/json")
                .body("{\"title\":\"Release\",\"metadata\":{\"team\":\"core\"}}")
                .when().post("/api/threads").then()
                .statusCode(201)
                .body("title", equalTo("Release"))
                .body("metadata.team", equalTo("core"))
                .body("createdBy", equalTo("nina"))
                .body("createdAt", notNullValue())
                .extract().path("id");

        given().auth().oauth2(token).when().get("/api/threads/" + id).then()
                .statusCode(200).body("id", equalTo(id)).body("title", equalTo("Release"));
        given().auth().oauth2(token).queryParam("thread_id", id).when().get("/api/thread-participants").then()
                .statusCode(200).body("data.userId", contains("nina")).body("pageInfo.total", equalTo(1));
    }

    @Test
    void a_thread_is_visible_to_its_participants_and_admins_of_its_tenant_only() {
        String tenant = TestTokens.newTenant();
        String id = given().auth().oauth2(TestTokens.member("olga", tenant)).contentType("application/json")
                .body("{}").when().post("/api/threads").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.admin(tenant)).when().get("/api/threads/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.member("pete", tenant)).when().get("/api/threads/" + id).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).when().get("/api/threads/" + id).then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.admin(tenant)).when().get("/api/threads/not-a-uuid").then()
                .statusCode(404);
    }

    @Test
    void an_overlong_title_or_too_much_metadata_is_a_400_naming_the_field() {
        String token = TestTokens.admin(TestTokens.newTenant());
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"title\":\"" + "x".repeat(501) + "\"}")
                .when().post("/api/threads").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("title"));
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"metadata\":{\"note\":[\"a\\u0000b\"]}}")
                .when().post("/api/threads").then()
                .statusCode(400).body("errors[0].field", equalTo("metadata.note[0]"));
        StringBuilder metadata = new StringBuilder("{");
        for (int i = 0; i < 51; i++) {
            metadata.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"metadata\":" + metadata + "}}")
                .when().post("/api/threads").then()
                .statusCode(400).body("errors[0].field", equalTo("metadata"));
    }
}
