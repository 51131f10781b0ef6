package dev.sessionledger.threads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.ServiceTest;
import dev.sessionledger.commons.testing.TestTokens;
import dev.sessionledger.threads.ThreadFixtures.Row;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import javax.sql.DataSource;

/** The list's filter, sort, cursor and access rules, on a small data set whose answers are known. */
@QuarkusTest
@ServiceTest
class ParticipantListTest {

    private static final Instant T1 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2025-01-02T10:00:00Z");
    private static final Instant T3 = Instant.parse("2025-01-03T10:00:00Z");

    @Inject
    DataSource dataSource;

    private String tenant;
    private UUID alpha;
    private String r1;
    private String r2;
    private String r3;
    private String r4;
    private String r5;

    @BeforeEach
    void seed() {
        ThreadFixtures fixtures = new ThreadFixtures(dataSource);
        tenant = TestTokens.newTenant();
        alpha = fixtures.thread(tenant, "alpha");
        UUID beta = fixtures.thread(tenant, "beta");
        r1 = insert(fixtures, new Row(PrefixedId.newUuid(), alpha, "u1", null, null, null, "ann", T1, null, null));
        r2 = insert(fixtures, new Row(PrefixedId.newUuid(), alpha, null, "a1", null, null, null, T2, "m1", T1));
        r3 = insert(fixtures, new Row(PrefixedId.newUuid(), alpha, null, null, "s1", null, "bob", T1, "m2", T2));
        r4 = insert(fixtures, new Row(PrefixedId.newUuid(), alpha, null, null, null, "e1", "ann", T3, null, null));
        r5 = insert(fixtures, new Row(PrefixedId.newUuid(), beta, "u1", null, null, null, "cy", T2, null, null));
    }

    private String insert(ThreadFixtures fixtures, Row row) {
        return fixtures.insert(tenant, row).id().toString();
    }

    private RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin(tenant));
    }

    private ValidatableResponse list(RequestSpecification request) {
        return request.when().get("/api/thread-participants").then();
    }

    private ValidatableResponse filtered(String filter) {
        return list(admin().queryParam("filter", filter)).statusCode(200);
    }

    private ValidatableResponse sorted(String orderBy) {
        return list(admin().queryParam("orderBy", orderBy)).statusCode(200);
    }

    private void refused(String parameter, String value, String field) {
        list(admin().queryParam(parameter, value)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void each_operator_selects_the_rows_it_names() {
        filtered("{\"displayName\":{\"eq\":\"ann\"}}").body("data.id", contains(r1, r4));
        filtered("{\"displayName\":{\"neq\":\"ann\"}}").body("data.id", contains(r2, r3, r5));
        filtered("{\"displayName\":{\"isNull\":true}}").body("data.id", contains(r2));
        filtered("{\"displayName\":{\"isNull\":false,\"lt\":\"bob\"}}").body("data.id", contains(r1, r4));
        filtered("{\"displayName\":{\"gte\":\"bob\"}}").body("data.id", contains(r3, r5));
        filtered("{\"displayName\":{\"in\":[\"bob\",\"cy\"]}}").body("data.id", contains(r3, r5));
        filtered("{\"displayName\":{\"nin\":[\"ann\"]}}").body("data.id", contains(r2, r3, r5));
        filtered("{\"displayName\":{\"in\":[]}}").body("data", empty());
        filtered("{\"displayName\":{\"ilike\":\"AN%\"}}").body("data.id", contains(r1, r4));
        filtered("{\"displayName\":{\"like\":\"AN%\"}}").body("data", empty());
        filtered("{\"joinedAt\":{\"gt\":\"2025-01-01T10:00:00Z\"}}").body("data.id", contains(r2, r4, r5));
        filtered("{\"joinedAt\":{\"lte\":\"2025-01-01T11:00:00+01:00\"}}").body("data.id", contains(r1, r3));
        filtered("{\"lastReadAt\":{\"eq\":\"2025-01-02T10:00:00Z\"}}").body("data.id", contains(r3));
        filtered("{\"id\":{\"in\":[\"" + r2 + "\",\"" + r4 + "\"]}}").body("data.id", contains(r2, r4));
        filtered("{\"threadId\":{\"neq\":\"" + alpha + "\"}}").body("data.id", contains(r5));
        filtered("{}").body("data.id", contains(r1, r2, r3, r4, r5));
    }

    @Test
    void and_or_not_and_the_thread_relation_combine() {
        filtered("{\"OR\":[{\"agentId\":{\"isNull\":false}},{\"swarmId\":{\"eq\":\"s1\"}}]}")
                .body("data.id", contains(r2, r3));
        filtered("{\"NOT\":{\"displayName\":{\"eq\":\"ann\"}}}").body("data.id", contains(r2, r3, r5));
        filtered("{\"NOT\":{\"OR\":[{\"displayName\":{\"eq\":\"ann\"}},{\"lastReadMessageId\":{\"eq\":\"m1\"}}]}}")
                .body("data.id", contains(r3, r5));
        filtered("{\"thread\":{\"title\":{\"eq\":\"beta\"}}}").body("data.id", contains(r5));
        filtered("{\"AND\":[{\"thread\":{\"title\":{\"eq\":\"alpha\"}}},{\"lastReadAt\":{\"isNull\":false}}]}")
                .body("data.id", contains(r2, r3)).body("pageInfo.total", equalTo(2));
        filtered("{\"thread\":{\"NOT\":{\"title\":{\"eq\":\"alpha\"}},\"createdBy\":{\"eq\":\"fixture\"}},"
                + "\"userId\":{\"eq\":\"u1\"}}").body("data.id", contains(r5));
    }

    @Test
    void each_direction_places_nulls_as_documented_and_id_breaks_ties() {
        sorted("[{\"displayName\":\"asc\"}]").body("data.id", contains(r1, r4, r3, r5, r2));
        sorted("[{\"displayName\":\"asc_nulls_last\"}]").body("data.id", contains(r1, r4, r3, r5, r2));
        sorted("[{\"displayName\":\"asc_nulls_first\"}]").body("data.id", contains(r2, r1, r4, r3, r5));
        sorted("[{\"displayName\":\"desc\"}]").body("data.id", contains(r2, r5, r3, r4, r1));
        sorted("[{\"displayName\":\"desc_nulls_first\"}]").body("data.id", contains(r2, r5, r3, r4, r1));
        sorted("[{\"displayName\":\"desc_nulls_last\"}]").body("data.id", contains(r5, r3, r4, r1, r2));
        sorted("[{\"joinedAt\":\"asc\"},{\"displayName\":\"desc_nulls_last\"}]")
                .body("data.id", contains(r3, r1, r5, r2, r4));
        sorted("[{\"lastReadAt\":\"desc_nulls_last\"},{\"id\":\"desc\"}]").body("data.id", contains(r3, r2, r5, r4, r1));
        sorted("{\"userId\":\"asc\"}").body("data.id", contains(r1, r5, r2, r3, r4));
    }

    @Test
    void cursors_page_both_ways_with_correct_flags() {
        String sort = "[{\"displayName\":\"asc_nulls_first\"}]";
        ValidatableResponse first = list(admin().queryParam("orderBy", sort).queryParam("limit", 2)).statusCode(200)
                .body("data.id", contains(r2, r1))
                .body("pageInfo.total", equalTo(5))
                .body("pageInfo.hasPreviousPage", equalTo(false))
                .body("pageInfo.hasNextPage", equalTo(true));
        String end = first.extract().path("pageInfo.endCursor");
        ValidatableResponse second = list(admin().queryParam("orderBy", sort).queryParam("limit", 2)
                .queryParam("after", end)).statusCode(200)
                .body("data.id", contains(r4, r3))
                .body("pageInfo.hasPreviousPage", equalTo(true))
                .body("pageInfo.hasNextPage", equalTo(true));
        String third = second.extract().path("pageInfo.endCursor");
        String last = list(admin().queryParam("orderBy", sort).queryParam("limit", 2).queryParam("after", third))
                .statusCode(200)
                .body("data.id", contains(r5))
                .body("pageInfo.hasPreviousPage", equalTo(true))
                .body("pageInfo.hasNextPage", equalTo(false))
                .extract().path("pageInfo.startCursor");
        list(admin().queryParam("orderBy", sort).queryParam("limit", 2).queryParam("before", last)).statusCode(200)
                .body("data.id", contains(r4, r3))
                .body("pageInfo.hasPreviousPage", equalTo(true))
                .body("pageInfo.hasNextPage", equalTo(true));
        String backStart = second.extract().path("pageInfo.startCursor");
        list(admin().queryParam("orderBy", sort).queryParam("limit", 2).queryParam("before", backStart))
                .statusCode(200)
                .body("data.id", contains(r2, r1))
                .body("pageInfo.hasPreviousPage", equalTo(false))
                .body("pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void a_cursor_is_refused_with_another_sort_or_filter_or_when_altered() {
        String sort = "[{\"joinedAt\":\"desc\"}]";
        String cursor = list(admin().queryParam("orderBy", sort).queryParam("limit", 1)).statusCode(200)
                .extract().path("pageInfo.endCursor");

        list(admin().queryParam("orderBy", "[{\"joinedAt\":\"asc\"}]").queryParam("after", cursor)).statusCode(400)
                .body("errors[0].field", equalTo("after"))
                .body("errors[0].message", containsString("another filter, sort or scope"));
        list(admin().queryParam("orderBy", sort).queryParam("filter", "{\"userId\":{\"eq\":\"u1\"}}")
                .queryParam("before", cursor)).statusCode(400).body("errors[0].field", equalTo("before"));
        list(given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).queryParam("orderBy", sort)
                .queryParam("after", cursor)).statusCode(400).body("errors[0].field", equalTo("after"));

        char flipped = cursor.charAt(3) == 'A' ? 'B' : 'A';
        String altered = cursor.substring(0, 3) + flipped + cursor.substring(4);
        list(admin().queryParam("orderBy", sort).queryParam("after", altered)).statusCode(400)
                .body("errors[0].field", equalTo("after"));
        refused("after", "garbage", "after");
        refused("before", "e30.e30", "before");
        list(admin().queryParam("after", cursor).queryParam("before", cursor)).statusCode(400)
                .body("errors[0].field", equalTo("before"));
        list(admin().queryParam("orderBy", sort).queryParam("after", cursor)).statusCode(200);
    }

    @Test
    void a_bad_filter_is_a_400_naming_the_part_at_fault() {
        refused("filter", "{\"joinedAt\":{\"like\":\"2025%\"}}", "filter.joinedAt.like");
        refused("filter", "{\"nope\":{\"eq\":\"x\"}}", "filter.nope");
        refused("filter", "{\"AND\":[{\"displayName\":{\"eq\":\"a\"}},{\"displayName\":{\"foo\":\"x\"}}]}",
                "filter.AND[1].displayName.foo");
        refused("filter", "{\"joinedAt\":{\"gt\":\"yesterday\"}}", "filter.joinedAt.gt");
        refused("filter", "{\"displayName\":{\"eq\":5}}", "filter.displayName.eq");
        refused("filter", "{\"displayName\":{\"eq\":null}}", "filter.displayName.eq");
        refused("filter", "{\"displayName\":{\"in\":\"ann\"}}", "filter.displayName.in");
        refused("filter", "{\"displayName\":{\"in\":[\"ann\",7]}}", "filter.displayName.in[1]");
        refused("filter", "{\"displayName\":{\"isNull\":\"yes\"}}", "filter.displayName.isNull");
        refused("filter", "{\"displayName\":{}}", "filter.displayName");
        refused("filter", "{\"OR\":[]}", "filter.OR");
        refused("filter", "{\"NOT\":[{\"userId\":{\"eq\":\"u1\"}}]}", "filter.NOT");
        refused("filter", "{\"thread\":{\"nope\":{\"eq\":\"x\"}}}", "filter.thread.nope");
        refused("filter", "{\"thread\":{\"thread\":{\"title\":{\"eq\":\"x\"}}}}", "filter.thread.thread");
        refused("filter", "{\"id\":{\"gt\":\"" + r1 + "\"}}", "filter.id.gt");
        refused("filter", "{\"displayName\":{\"eq\":\"" + "x".repeat(257) + "\"}}", "filter.displayName.eq");
        refused("filter", "{\"displayName\":{\"like\":\"ann\\\\\"}}", "filter.displayName.like");
        refused("filter", "{\"displayName\":{\"eq\":\"a\\u0000b\"}}", "filter.displayName.eq");
        refused("filter", "{\"joinedAt\":{\"gt\":\"+100000-01-01T00:00:00Z\"}}", "filter.joinedAt.gt");
        refused("filter", "[1]", "filter");
        refused("filter", "{not json", "filter");
        refused("filter", "{\"a\":\"" + "x".repeat(9000) + "\"}", "filter");
    }

    @Test
    void a_filter_is_bounded_in_depth_size_and_list_length() {
        String deep = "{\"userId\":{\"eq\":\"u1\"}}";
        for (int i = 0; i < 8; i++) {
            deep = "{\"NOT\":" + deep + "}";
        }
        list(admin().queryParam("filter", deep)).statusCode(400)
                .body("errors[0].message", containsString("deeper than 8"));
        StringBuilder wide = new StringBuilder("{\"OR\":[");
        for (int i = 0; i < 101; i++) {
            wide.append(i == 0 ? "" : ",").append("{\"userId\":{\"eq\":\"u").append(i).append("\"}}");
        }
        list(admin().queryParam("filter", wide.append("]}").toString())).statusCode(400)
                .body("errors[0].message", containsString("more than 100 conditions"));
        StringBuilder longList = new StringBuilder("{\"userId\":{\"in\":[");
        for (int i = 0; i < 101; i++) {
            longList.append(i == 0 ? "" : ",").append("\"u").append(i).append('"');
        }
        list(admin().queryParam("filter", longList.append("]}}").toString())).statusCode(400)
                .body("errors[0].field", equalTo("filter.userId.in"));
    }

    @Test
    void a_bad_order_by_is_a_400_naming_the_part_at_fault() {
        refused("orderBy", "[{\"nope\":\"asc\"}]", "orderBy[0].nope");
        refused("orderBy", "[{\"displayName\":\"sideways\"}]", "orderBy[0].displayName");
        refused("orderBy", "[{\"displayName\":\"asc\"},{\"displayName\":\"desc\"}]", "orderBy[1].displayName");
        refused("orderBy", "[{\"displayName\":\"asc\",\"joinedAt\":\"asc\"}]", "orderBy[0]");
        refused("orderBy", "[\"displayName\"]", "orderBy[0]");
        refused("orderBy", "sideways", "orderBy");
    }

    @Test
    void shorthands_narrow_by_equality() {
        list(admin().queryParam("user_id", "u1")).statusCode(200).body("data.id", contains(r1, r5));
        list(admin().queryParam("agent_id", "a1")).statusCode(200).body("data.id", contains(r2));
        list(admin().queryParam("swarm_id", "s1")).statusCode(200).body("data.id", contains(r3));
        list(admin().queryParam("last_read_message_id", "m2")).statusCode(200).body("data.id", contains(r3));
        list(admin().queryParam("user_id", "u1").queryParam("thread_id", alpha.toString())).statusCode(200)
                .body("data.id", contains(r1)).body("pageInfo.total", equalTo(1));
    }

    @Test
    void ids_narrow_but_never_widen_access() {
        String member = TestTokens.member("u1", tenant);
        list(given().auth().oauth2(member).queryParam("thread_id", alpha.toString()).queryParam("ids", r1 + "," + r5))
                .statusCode(200).body("data.id", contains(r1)).body("pageInfo.total", equalTo(1));
        list(admin().queryParam("ids", r5 + "," + r1)).statusCode(200).body("data.id", contains(r1, r5));
        list(given().auth().oauth2(TestTokens.admin(TestTokens.newTenant())).queryParam("ids", r1)).statusCode(200)
                .body("data", empty());
        refused("ids", r1 + ",nope", "ids");
    }
}
