package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** The gateway against real HTTP backends that echo which service they are. */
class GatewayTest {

    private Vertx vertx;
    private Gateway gateway;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        int sessions = echo("sessions-service");
        int messages = echo("messages-service");
        int threadsDown = freePort();
        gateway = Gateway.start(IngressRoutes.load(Path.of("../kubernetes/base/ingress.yaml")),
                Map.of("sessions-service", sessions, "messages-service", messages, "threads-service", threadsDown),
                "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private int echo(String name) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setMaxInitialLineLength(65536)).requestHandler(r -> r.response()
                .putHeader("x-served-by", name)
                .end(r.method() + " " + r.uri() + " auth=" + r.getHeader("Authorization")));
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery))
                .header("Authorization", "Bearer abc").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void forwards_method_path_query_and_authorization_to_the_routed_service() throws Exception {
        HttpResponse<String> messages = get("/sessions/ses_1/messages?type[0]=request&limit=5");
        assertEquals(200, messages.statusCode());
        assertEquals("messages-service", messages.headers().firstValue("x-served-by").orElseThrow());
        assertEquals("GET /sessions/ses_1/messages?type[0]=request&limit=5 auth=Bearer abc", messages.body());

        HttpResponse<String> sessions = get("/sessions/ses_1");
        assertEquals("sessions-service", sessions.headers().firstValue("x-served-by").orElseThrow());
    }

    @Test
    void passes_a_long_json_filter_in_the_query_string() throws Exception {
        String filter = "%7B%22displayName%22%3A%7B%22like%22%3A%22" + "a".repeat(20000) + "%22%7D%7D";
        HttpResponse<String> response = get("/sessions?filter=" + filter);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("a".repeat(20000)), "the whole query string reaches the service");
    }

    @Test
    void answers_404_for_a_path_no_rule_routes() throws Exception {
        HttpResponse<String> response = get("/internal/mcp/sessions/ses_1");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("no_route"), response.body());
    }

    @Test
    void answers_503_with_retry_after_when_the_routed_service_is_down() throws Exception {
        HttpResponse<String> response = get("/api/thread-participants");
        assertEquals(503, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("2", response.headers().firstValue("retry-after").orElseThrow());
        assertTrue(response.body().contains("\"error\":\"service_unavailable\""), response.body());
    }
}
