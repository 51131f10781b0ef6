package dev.sessionledger.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
class ThreadParticipantResourceTest {

    @Inject
    DataSource dataSource;

    private UUID thread(String tenant) throws Exception {
        UUID id = PrefixedId.newUuid();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into thread (id, tenant_id, title, created_by, created_at) values (?, ?, 't', 'x', now())")) {
            s.setObject(1, id);
            s.setString(2, tenant);
            s.executeUpdate();
        }
        return id;
    }

    private String join(String tenant, UUID thread, String userId) throws Exception {
        UUID id = PrefixedId.newUuid();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        insert into thread_participant (id, tenant_id, thread_id, user_id, display_name, joined_at)
                        values (?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, id);
            s.setString(2, tenant);
            s.setObject(3, thread);
            s.setString(4, userId);
            s.setString(5, "User " + userId);
            s.setTimestamp(6, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        return id.toString();
    }

    @Test
    void an_admin_lists_every_participant_of_the_tenant() throws Exception {
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
    void a_member_sees_only_threads_they_take_part_in() throws Exception {
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
    void participants_of_one_tenant_are_invisible_to_another() throws Exception {
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
}
