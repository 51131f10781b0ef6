package dev.sessionledger.sessions.mcp;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Writes MCP sessions, connections and providers through the HTTP API, as a gateway would. */
final class McpFixtures {

    private McpFixtures() {
    }

    static String session(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/sessions").then().statusCode(201).extract().path("id");
    }

    static String initialize(String name, String title, String version) {
        return "{\"transport\":\"streamable_http\",\"initialize\":{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"" + name
                + "\"" + (title == null ? "" : ",\"title\":\"" + title + "\"")
                + (version == null ? "" : ",\"version\":\"" + version + "\"") + "}}}}";
    }

    /** Opens a connection; the response holds the connection and its participant. */
    static ExtractableResponse<Response> connect(String token, String sessionId, String clientName) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(initialize(clientName, clientName.toUpperCase(), "1.0.0"))
                .when().post("/sessions/" + sessionId + "/connections").then().statusCode(201).extract();
    }

    /** Attaches a provider; the response is the server session with its participant id. */
    static ExtractableResponse<Response> provider(String token, String sessionId, String providerId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"provider_id\":\"" + providerId + "\",\"name\":\"Provider " + providerId + "\"}")
                .when().post("/sessions/" + sessionId + "/providers").then().statusCode(201).extract();
    }
}
