package dev.sessionledger.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.threads.ThreadFixtures.Row;

/**
 * The reads of threads and participants build no managed entity: Hibernate loads none while a
 * member gets a thread, lists its participants (whole, filtered, and from a cursor) or gets one
 * participant. And a filtered list's cursor carries its total, signed: altered, it is refused.
 */
@QuarkusTest
@ServiceTest
class ReadsWithoutEntitiesTest {

    @Inject
    DataSource dataSource;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements statements;

    private String tenant;
    private String token;
    private UUID thread;
    private String participant;

    @BeforeEach
    void seed() {
        ThreadFixtures fixtures = new ThreadFixtures(dataSource);
        tenant = TestTokens.newTenant();
        token = TestTokens.member("mia", tenant);
        thread = fixtures.thread(tenant, "reads");
        participant = fixtures.join(tenant, thread, "mia");
        fixtures.join(tenant, thread, "max");
        fixtures.join(tenant, thread, "meg");
    }

    /** The entities Hibernate loaded while {@code request} ran; it must have answered 200. */
    private long entitiesLoadedBy(Runnable request) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        request.run();
        return statistics.getEntityLoadCount() + statistics.getEntityFetchCount();
    }

    private ValidatableResponse get(String path, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get(path).then().statusCode(200);
    }

    /** One page at a time of the participants whose user starts with an m: all three. */
    private Map<String, String> filteredPages() {
        return Map.of("thread_id", thread.toString(), "limit", "1", "filter", "{\"userId\":{\"like\":\"m%\"}}");
    }

    private static String payloadOf(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    @Test
    void a_thread_is_read_into_its_view() {
        assertEquals(0, entitiesLoadedBy(() -> get("/api/threads/" + thread, Map.of())
                .body("id", equalTo(thread.toString())).body("title", equalTo("reads"))));
    }

    @Test
    void the_thread_get_is_one_primary_key_read() throws Exception {
        List<String> sent = statements.during(() -> get("/api/threads/" + thread, Map.of()));
        List<String> reads = sent.stream().filter(sql -> sql.contains(" from thread ")).toList();
        assertEquals(1, reads.size(), sent.toString());
        QueryPlans.assertServedBy(dataSource, "thread_pkey", reads.get(0));
    }

    @Test
    void a_participant_is_read_into_its_view() {
        assertEquals(0, entitiesLoadedBy(() -> get("/api/thread-participants/" + participant, Map.of())
                .body("id", equalTo(participant)).body("userId", equalTo("mia"))));
    }

    @Test
    void a_participant_list_is_read_into_views_on_every_page() {
        Map<String, String> whole = Map.of("thread_id", thread.toString(), "limit", "2");
        assertEquals(0, entitiesLoadedBy(() -> get("/api/thread-participants", whole).body("data.size()", equalTo(2))));
        String cursor = get("/api/thread-participants", whole).extract().path("pageInfo.endCursor");
        assertEquals(0, entitiesLoadedBy(() -> get("/api/thread-participants", Map.of("thread_id", thread.toString(),
                "limit", "2", "after", cursor)).body("data.size()", equalTo(1))));
        assertEquals(0, entitiesLoadedBy(() -> get("/api/thread-participants", filteredPages())
                .body("pageInfo.total", equalTo(3))));
    }

    @Test
    void a_cursor_whose_carried_total_was_changed_is_refused() {
        Map<String, String> filtered = filteredPages();
        String cursor = get("/api/thread-participants", filtered).body("pageInfo.total", equalTo(3))
                .extract().path("pageInfo.endCursor");
        String payload = payloadOf(cursor);
        assertTrue(payload.contains("\"t\":3"), payload);
        String raised = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"t\":3", "\"t\":4").getBytes(StandardCharsets.UTF_8));
        String signature = cursor.substring(cursor.indexOf('.') + 1);

        given().auth().oauth2(token).queryParams(filtered).queryParam("after", raised + "." + signature)
                .when().get("/api/thread-participants").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().auth().oauth2(token).queryParams(filtered).queryParam("after", cursor)
                .when().get("/api/thread-participants").then().statusCode(200)
                .body("pageInfo.total", equalTo(3)).body("data.size()", equalTo(1));
    }

    @Test
    void a_cursor_of_a_whole_thread_carries_no_total_and_its_total_follows_the_thread() {
        Map<String, String> whole = Map.of("thread_id", thread.toString(), "limit", "1");
        String cursor = get("/api/thread-participants", whole).body("pageInfo.total", equalTo(3))
                .extract().path("pageInfo.endCursor");
        String payload = payloadOf(cursor);
        assertTrue(!payload.contains("\"t\""), payload);
        new ThreadFixtures(dataSource).insert(tenant, Row.user(thread, "moe"));
        get("/api/thread-participants", Map.of("thread_id", thread.toString(), "limit", "1", "after", cursor))
                .body("pageInfo.total", equalTo(4)).body("pageInfo.hasPreviousPage", equalTo(true));
    }

    @Test
    void later_pages_of_a_filtered_list_report_the_first_pages_total() {
        Map<String, String> filtered = filteredPages();
        String cursor = get("/api/thread-participants", filtered).body("pageInfo.total", equalTo(3))
                .extract().path("pageInfo.endCursor");
        new ThreadFixtures(dataSource).insert(tenant, Row.user(thread, "moe"));
        given().auth().oauth2(token).queryParams(filtered).queryParam("after", cursor)
                .when().get("/api/thread-participants").then().statusCode(200)
                .body("pageInfo.total", equalTo(3)).body("pageInfo.hasPreviousPage", equalTo(true))
                .body("pageInfo.hasNextPage", equalTo(true));
        get("/api/thread-participants", filtered).body("pageInfo.total", equalTo(4))
                .body("data.userId", contains("mia"));
    }
}
