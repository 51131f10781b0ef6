package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.sessionledger.commons.testing.ServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document gives the participants list's filters the types a generated client needs: id
 * lists of strings, the participant types as an enumeration, range bounds as date-times.
 */
@QuarkusTest
@ServiceTest
class McpOpenApiTest {

    private static final Set<String> PAGING = Set.of("limit", "order", "after", "before", "cursor");

    private static JsonPath document() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Map<String, Object>> queryParameters(JsonPath openApi, String path) {
        List<Map<String, Object>> parameters = openApi.getList("paths.'" + path + "'.get.parameters");
        Map<String, Map<String, Object>> byName = new TreeMap<>();
        for (Map<String, Object> parameter : parameters) {
            if ("query".equals(parameter.get("in"))) {
                byName.put((String) parameter.get("name"), parameter);
            }
        }
        return byName;
    }

    @Test
    void the_participants_list_documents_its_paging_and_every_filter_with_its_type() {
        JsonPath openApi = document();
        Map<String, Map<String, Object>> parameters = queryParameters(openApi, "/session-participants");
        Set<String> expected = new TreeSet<>(PAGING);
        expected.addAll(List.of("type", "id", "session_id", "session_connection_id", "session_message_id"));
        for (String bound : List.of("gt", "gte", "lt", "lte")) {
            expected.add("created_at[" + bound + "]");
            expected.add("updated_at[" + bound + "]");
        }
        assertEquals(expected, parameters.keySet());

        assertEquals(Map.of("type", "string", "format", "date-time"), parameters.get("created_at[gt]").get("schema"));
        assertEquals(Map.of("type", "array", "maxItems", 100, "items", Map.of("type", "string")),
                parameters.get("session_id").get("schema"));
        assertEquals(McpParticipant.TYPES, openApi.getList("components.schemas.SessionParticipantType.enum"));
        assertEquals(Map.of("$ref", "#/components/schemas/SessionParticipantType"),
                openApi.getMap("paths.'/session-participants'.get.parameters.find { it.name == 'type' }.schema.items"));
    }
}
