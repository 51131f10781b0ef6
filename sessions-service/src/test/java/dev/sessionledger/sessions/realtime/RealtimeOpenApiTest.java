package dev.sessionledger.sessions.realtime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every query parameter of the RealtimeKit read API is in the OpenAPI document, with its type and bounds. */
@QuarkusTest
@ServiceTest
class RealtimeOpenApiTest {

    private static final String SESSIONS = "/accounts/{account_id}/realtime/kit/{app_id}/sessions";

    private static JsonPath document() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
    }

    private static List<String> queryNames(JsonPath doc, String path, String method) {
        return doc.getList("paths.'" + path + "'." + method + ".parameters.findAll { it.in == 'query' }.name");
    }

    @Test
    void every_list_and_detail_declares_its_query_parameters() {
        JsonPath doc = document();
        assertThat(queryNames(doc, SESSIONS, "get"), hasItems("associated_id", "status",
                "start_time", "end_time", "search", "participants", "sort_by", "sort_order", "page_no", "per_page"));
        assertThat(queryNames(doc, SESSIONS + "/{session_id}/participants", "get"),
                hasItems("search", "sort_by", "sort_order", "include_peer_events", "view", "page_no", "per_page"));
        assertThat(queryNames(doc, SESSIONS + "/{session_id}", "get"),
                hasItems("include_breakout_rooms"));
        assertThat(queryNames(doc,
                SESSIONS + "/{session_id}/participants/{participant_id}", "get"), hasItems("include_peer_events"));
        assertThat(queryNames(doc, SESSIONS + "/peer-report/{peer_id}", "get"),
                hasItems("filters", "include_peer_events"));
        assertThat(queryNames(doc, SESSIONS + "/{session_id}/transcript", "get"),
                hasItems("format"));
        assertThat(queryNames(doc, SESSIONS + "/{session_id}/summary", "get"),
                hasItems("format"));
    }

    @Test
    void parameters_carry_their_bounds_defaults_and_values() {
        JsonPath doc = document();
        Map<String, Object> perPage = doc.getMap("paths.'" + SESSIONS + "'.get.parameters.find { it.name == 'per_page' }"
                + ".schema");
        assertEquals(Map.of("type", "integer", "minimum", 1, "maximum", 100, "default", 20), perPage);
        assertEquals(List.of("SRT", "VTT", "JSON", "CSV"), doc.getList("paths.'" + SESSIONS
                + "/{session_id}/transcript'.get.parameters.find { it.name == 'format' }.schema.enum"));
        assertEquals("ASC", doc.getString("paths.'" + SESSIONS
                + "/{session_id}/participants'.get.parameters.find { it.name == 'sort_order' }.schema.default"));
        assertEquals("DESC", doc.getString("paths.'" + SESSIONS
                + "'.get.parameters.find { it.name == 'sort_order' }.schema.default"));
    }
}
