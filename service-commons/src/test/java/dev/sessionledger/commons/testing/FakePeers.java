package dev.sessionledger.commons.testing;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * What a test's stand-in for a peer service (a JDK {@code HttpServer}) needs: the tenant a bearer
 * token names, read without checking its signature as the real peer would check it, and a JSON reply.
 */
public final class FakePeers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakePeers() {
    }

    /** The {@code tenant} claim of an {@code Authorization: Bearer <jwt>} header, or null. */
    public static String tenantOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claims.path("tenant").textValue();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Answers {@code body} as JSON with {@code status} and closes the exchange. */
    public static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
