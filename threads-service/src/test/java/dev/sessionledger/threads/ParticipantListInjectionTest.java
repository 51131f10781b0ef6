package dev.sessionledger.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import javax.sql.DataSource;

/** SQL smuggled into field names, operators, directions or typed values is refused; text values are only ever data. */
@QuarkusTest
@ServiceTest
class ParticipantListInjectionTest {

    private static final String DROP = "; DROP TABLE thread_participant; --";

    @Inject
    DataSource dataSource;

    @Test
    void injection_in_names_operators_directions_and_typed_values_is_a_400_that_touches_nothing() {
        ThreadFixtures fixtures = new ThreadFixtures(dataSource);
        String tenant = TestTokens.newTenant();
        UUID thread = fixtures.thread(tenant, "t");
        fixtures.join(tenant, thread, "quinn");
        long participants = fixtures.count("select count(*) from thread_participant");
        long threads = fixtures.count("select count(*) from thread");
        String token = TestTokens.admin(tenant);

        Map<String, String> attempts = Map.ofEntries(
                Map.entry("{\"displayName = display_name OR TRUE" + DROP + "\":{\"eq\":\"x\"}}",
                        "filter.displayName = display_name OR TRUE" + DROP),
                Map.entry("{\"displayName\":{\"eq\\\" OR 1=1 --\":\"x\"}}", "filter.displayName.eq\" OR 1=1 --"),
                Map.entry("{\"userId\":{\"=\":\"x\"}}", "filter.userId.="),
                Map.entry("{\"joinedAt\":{\"gt\":\"2025-01-01T00:00:00Z' OR '1'='1\"}}", "filter.joinedAt.gt"),
                Map.entry("{\"id\":{\"eq\":\"x' OR 1=1 --\"}}", "filter.id.eq"),
                Map.entry("{\"thread\":{\"title) OR (1=1\":{\"eq\":\"t\"}}}", "filter.thread.title) OR (1=1"),
                Map.entry("{\"p.tenant_id\":{\"neq\":\"x\"}}", "filter.p.tenant_id"));
        attempts.forEach((filter, field) -> given().auth().oauth2(token).queryParam("filter", filter)
                .when().get("/api/thread-participants").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field)));

        Map<String, String> sorts = Map.of(
                "[{\"display_name" + DROP + "\":\"asc\"}]", "orderBy[0].display_name" + DROP,
                "[{\"displayName\":\"asc" + DROP + "\"}]", "orderBy[0].displayName",
                "[{\"displayName\":\"asc NULLS FIRST, (SELECT 1)\"}]", "orderBy[0].displayName");
        sorts.forEach((orderBy, field) -> given().auth().oauth2(token).queryParam("orderBy", orderBy)
                .when().get("/api/thread-participants").then()
                .statusCode(400).body("errors[0].field", equalTo(field)));

        given().auth().oauth2(token).queryParam("thread_id", "' OR 1=1 --").when().get("/api/thread-participants")
                .then().statusCode(400).body("errors[0].field", equalTo("thread_id"));
        given().auth().oauth2(token).queryParam("ids", thread + "') OR ('1'='1").when().get("/api/thread-participants")
                .then().statusCode(400).body("errors[0].field", equalTo("ids"));
        given().auth().oauth2(token).queryParam("limit", "1; DROP TABLE thread").when().get("/api/thread-participants")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));

        given().auth().oauth2(token).queryParam("filter", "{\"displayName\":{\"eq\":\"' OR '1'='1\"}}")
                .when().get("/api/thread-participants").then().statusCode(200).body("data", empty());
        given().auth().oauth2(token).queryParam("filter", "{\"userId\":{\"like\":\"%'" + DROP + "\"}}")
                .when().get("/api/thread-participants").then().statusCode(200).body("data", empty());
        given().auth().oauth2(token).queryParam("user_id", "quinn' OR '1'='1")
                .when().get("/api/thread-participants").then().statusCode(200).body("data", empty());

        assertEquals(participants, fixtures.count("select count(*) from thread_participant"));
        assertEquals(threads, fixtures.count("select count(*) from thread"));
    }
}
