package dev.sessionledger.sessions.provider;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Registers providers through the HTTP API, as an administrator would. */
final class ProviderFixtures {

    private ProviderFixtures() {
    }

    static String body(String name, String url, String headersJson) {
        return "{\"name\":\"" + name + "\",\"upstream_url\":\"" + url + "\""
                + (headersJson == null ? "" : ",\"upstream_headers\":" + headersJson) + "}";
    }

    static ExtractableResponse<Response> register(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/providers").then().statusCode(201).extract();
    }

    /** A provider named {@code name} with no headers; its id. */
    static String named(String token, String name) {
        return register(token, body(name, "https://mcp.example.com/" + name, null)).path("id");
    }
}
