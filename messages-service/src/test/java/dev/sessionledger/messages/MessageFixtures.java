package dev.sessionledger.messages;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.ids.PrefixedId;
import dev.sessionledger.commons.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A tenant with one session known to sessions-service, and the requests tests make against it. */
final class MessageFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String tenant = TestTokens.newTenant();
    final String token = TestTokens.admin(tenant);
    final String session = PrefixedId.format("ses", PrefixedId.newUuid());
    final String serverSession = PrefixedId.format("spr", PrefixedId.newUuid());
    final String run = PrefixedId.format("srr", PrefixedId.newUuid());

    MessageFixtures() {
        FakeSessionsService.register(tenant, session, serverSession, run);
    }

    /** A second server session of the same session, with a run of its own. */
    String[] anotherServerSession() {
        String otherServer = PrefixedId.format("spr", PrefixedId.newUuid());
        String otherRun = PrefixedId.format("srr", PrefixedId.newUuid());
        FakeSessionsService.register(tenant, session, otherServer, otherRun);
        return new String[] { otherServer, otherRun };
    }

    /** A message of the server session, sent by {@code senderType}. */
    Map<String, Object> message(String senderType, Map<String, Object> payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("payload", payload);
        message.put("sender", Map.of("type", senderType, "id", senderType.equals("client") ? "spt_client" : serverSession));
        message.put("server_session_id", serverSession);
        return message;
    }

    static Map<String, Object> request(Object id, String method) {
        return Map.of("jsonrpc", "2.0", "id", id, "method", method);
    }

    static Map<String, Object> notification(String method) {
        return Map.of("jsonrpc", "2.0", "method", method);
    }

    static Map<String, Object> response(Object id) {
        return Map.of("jsonrpc", "2.0", "id", id, "result", Map.of("ok", true));
    }

    static Map<String, Object> error(Object id) {
        return Map.of("jsonrpc", "2.0", "id", id, "error", Map.of("code", -32601, "message", "Method not found"));
    }

    /** Where this session's messages are recorded and listed. */
    String path() {
        return "/sessions/" + session + "/messages";
    }

    ValidatableResponse post(List<Map<String, Object>> messages) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("messages", messages))
                .when().post(path()).then();
    }

    /** A batch of {@code count} client notifications, each carrying {@code textLength} characters, as bytes. */
    byte[] notificationsBody(int count, int textLength) throws JsonProcessingException {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message("client", Map.of("jsonrpc", "2.0", "method", "n/" + i,
                    "params", Map.of("text", "x".repeat(textLength)))));
        }
        return JSON.writeValueAsBytes(Map.of("messages", messages));
    }

    /** Records {@code count} client notifications and returns their ids in order. */
    List<String> recordNotifications(int count) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(message("client", notification("n/" + i)));
        }
        return post(messages).statusCode(201).extract().jsonPath().getList("items.id", String.class);
    }

    ValidatableResponse list(Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get(path()).then();
    }
}
