package dev.sessionledger.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenID Connect issuer for the console's sign-in test, strict where PKCE is: it signs the user
 * in at once, hands out a code only for an S256 challenge, and gives the token only to the client
 * that proves the verifier for that code, on the same redirect URI, once.
 */
final class TestIssuer implements AutoCloseable {

    static final String CLIENT_ID = "sessionledger-console";

    private record Grant(String challenge, String redirectUri) {
    }

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    /** What went wrong at the token endpoint, for the test to show. */
    final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Supplier<String> accessToken;
    private volatile String allowedOrigin = "";
    private final AtomicBoolean alterState = new AtomicBoolean();
    /** How many times the token endpoint was asked. */
    final AtomicInteger tokenRequests = new AtomicInteger();

    TestIssuer(Supplier<String> accessToken) throws IOException {
        this.accessToken = accessToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next sign-in is sent back with a state other than the one it was given. */
    void alterNextState() {
        alterState.set(true);
    }

    /** The console's origin, the one the token endpoint answers across origins (CORS). */
    void allowOrigin(String origin) {
        allowedOrigin = origin;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer()
                + "/authorize\",\"token_endpoint\":\"" + issuer() + "/token\",\"code_challenge_methods_supported\":[\"S256\"]}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || query.get("state") == null || query.get("redirect_uri") == null) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("code_challenge"), query.get("redirect_uri")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.get("state") + (alterState.getAndSet(false) ? "-altered" : ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = body.get("code") == null ? null : codes.remove(body.get("code"));
        String refusal = grant == null ? "unknown or used code"
                : !CLIENT_ID.equals(body.get("client_id")) ? "wrong client"
                : !"authorization_code".equals(body.get("grant_type")) ? "wrong grant type"
                : !grant.redirectUri().equals(body.get("redirect_uri")) ? "wrong redirect URI"
                : body.get("code_verifier") == null || !grant.challenge().equals(s256(body.get("code_verifier"))) ? "wrong verifier"
                : null;
        if (refusal != null) {
            refusals.add(refusal);
            respond(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + refusal + "\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + accessToken.get() + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> values = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", allowedOrigin);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
