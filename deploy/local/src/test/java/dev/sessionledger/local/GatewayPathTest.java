package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.HttpUtils;

/**
 * The gateway between the outside and real HTTP backends that record the request target they
 * received: no spelling of a path reaches a service's {@code /internal} or {@code /q} endpoints,
 * and what is routed arrives in the form it was routed by.
 */
class GatewayPathTest {

    private static final List<String> SERVICES = Arrays.stream(StackService.values()).map(StackService::serviceName)
            .toList();

    private Vertx vertx;
    private Gateway gateway;
    private final Map<String, Queue<String>> received = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        gateway = Gateway.start(IngressRoutes.load(Path.of("../kubernetes/base/ingress.yaml")), recordingBackends(), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private Map<String, Integer> recordingBackends() {
        Map<String, Integer> ports = new ConcurrentHashMap<>();
        for (String service : SERVICES) {
            Queue<String> targets = new ConcurrentLinkedQueue<>();
            received.put(service, targets);
            // A longer line than the gateway allows, so that the gateway's limit is what is tested.
            int port = vertx.createHttpServer(new HttpServerOptions().setMaxInitialLineLength(65536).setMaxHeaderSize(65536))
                    .requestHandler(r -> {
                        targets.add(r.uri());
                        r.response().end(service + " " + r.uri());
                    })
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
            ports.put(service, port);
        }
        return ports;
    }

    private List<String> everythingReceived() {
        return received.values().stream().flatMap(Queue::stream).toList();
    }

    private void assertGatewayAnswers(String target, int status, String error) throws Exception {
        RawHttp.Response response = RawHttp.get(gateway.port(), target);
        assertEquals(status, response.status(), target);
        assertTrue(response.headers().toLowerCase().contains("content-type: application/json"), target);
        assertTrue(response.body().contains("\"error\":\"" + error + "\""), target + ": " + response.body());
    }

    @Test
    void refuses_encoded_dots_slashes_backslashes_and_parameterised_dot_segments_with_400() throws Exception {
        for (String target : List.of(
                "/sessions/%2e%2e/internal/mcp/sessions/x",
                "/sessions/%2E%2E/q/metrics",
                "/sessions/.%2e/q/metrics",
                "/sessions/%2e./internal/mcp/sessions/x",
                "/sessions/%2e/../../q/metrics",
                "/sessions/..%2fq%2fmetrics",
                "/sessions/..%2Finternal%2Fmcp",
                "/downloads/x%2F..%2F..%2Fq%2Fmetrics",
                "/sessions/..%5cq%5cmetrics",
                "/sessions/..%5Cinternal",
                "/sessions/..\\q\\metrics",
                "/sessions/..;/q/metrics",
                "/sessions/.;x/../../internal/mcp",
                "/sessions/%zz",
                "/sessions/%2",
                "sessions/../q/metrics",
                "*")) {
            assertGatewayAnswers(target, 400, "bad_path");
        }
        assertEquals(List.of(), everythingReceived(), "no refused request reaches a service");
    }

    @Test
    void answers_404_for_every_spelling_of_a_private_path() throws Exception {
        for (String target : List.of(
                "/sessions/../internal/mcp/sessions/x",
                "/downloads/../q/metrics",
                "/sessions/./../q/metrics",
                "/sessions/x/../../q/health/ready",
                "/sessions/ses_1/messages/../../../internal/mcp/sessions/x",
                "/accounts/../../../q/openapi",
                "//q/metrics",
                "/sessions//..//..//q/metrics",
                "/sessions/../%71/metrics",
                "/sessions/../%69nternal/mcp/sessions/x",
                "/%71/metrics",
                "/Q/metrics",
                "/INTERNAL/mcp/sessions/x",
                "/sessions/../q",
                "/sessions/../internal",
                "/sessions/..",
                "http://127.0.0.1/sessions/../q/metrics",
                "/sessions/../q/metrics?x=/sessions")) {
            assertGatewayAnswers(target, 404, "no_route");
        }
        assertEquals(List.of(), everythingReceived(), "no private path reaches a service");
    }

    @Test
    void never_routes_q_or_internal_even_when_an_ingress_rule_would() throws Exception {
        gateway.close();
        IngressRoutes catchAll = IngressRoutes.of(new ObjectMapper().readTree("""
                {"kind":"Ingress","spec":{"rules":[{"http":{"paths":[
                  {"path":"/","backend":{"service":{"name":"sessions-service"}}}]}}]}}
                """), "catch-all");
        gateway = Gateway.start(catchAll, recordingBackends(), "127.0.0.1", 0);
        for (String target : List.of("/q/metrics", "/q", "/internal/mcp/sessions/x", "/internal", "/q;x/metrics",
                "/internal;v=1/mcp/sessions/x", "/Q/health/ready", "/sessions/../q/metrics", "/a/b/../../internal/x")) {
            assertGatewayAnswers(target, 404, "no_route");
        }
        assertEquals(List.of(), everythingReceived());
        assertEquals(200, RawHttp.get(gateway.port(), "/quotas").status(), "only the whole first segment counts");
    }

    @Test
    void forwards_the_normalised_path_it_routed_by_with_the_query_string_unchanged() throws Exception {
        Map<String, String[]> cases = Map.of(
                "/sessions/ses_1/./messages?limit=5", new String[] {"messages-service", "/sessions/ses_1/messages?limit=5"},
                "/sessions/ses_1/x/../messages/smg_2", new String[] {"messages-service", "/sessions/ses_1/messages/smg_2"},
                "/sessions/ses_1/%6Dessages", new String[] {"messages-service", "/sessions/ses_1/messages"},
                "/sessions//ses_1///connections", new String[] {"sessions-service", "/sessions/ses_1/connections"},
                "/sessions/ses_1/messages/..", new String[] {"sessions-service", "/sessions/ses_1/"},
                "/api/threads/../thread-participants?sort=%2E%2E%2F&q=/../q", new String[] {"threads-service",
                        "/api/thread-participants?sort=%2E%2E%2F&q=/../q"},
                "http://example.org/sessions/ses_1?limit=1", new String[] {"sessions-service", "/sessions/ses_1?limit=1"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            RawHttp.Response response = RawHttp.get(gateway.port(), c.getKey());
            assertEquals(200, response.status(), c.getKey());
            assertEquals(c.getValue()[0] + " " + c.getValue()[1], response.body(), c.getKey());
        }
        for (String target : everythingReceived()) {
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            assertEquals(path, HttpUtils.normalizePath(path), "a service's own normalisation changes nothing");
        }
    }

    @Test
    void passes_normal_paths_through_byte_for_byte() throws Exception {
        for (String target : List.of("/sessions", "/sessions/", "/sessions/ses_01HXYZ/connections?limit=10&after=sco_1",
                "/session-participants?session_id=ses_1&type[0]=client", "/accounts/demo/realtime/kit/app/sessions?page_no=2",
                "/downloads/abc.def?expires=1&signature=A%2Fb%2B", "/api/threads/123e4567-e89b-12d3-a456-426614174000",
                "/sessions/ses_1/messages?filter=%7B%22a%22%3A1%7D")) {
            RawHttp.Response response = RawHttp.get(gateway.port(), target);
            assertEquals(200, response.status(), target);
            assertTrue(response.body().endsWith(" " + target), target + ": " + response.body());
        }
    }

    @Test
    void passes_a_json_filter_that_fills_the_whole_request_line_and_refuses_a_longer_one_in_json() throws Exception {
        String prefix = "/api/thread-participants?filter=%7B%22displayName%22%3A%7B%22like%22%3A%22";
        String suffix = "%22%7D%7D";
        int room = Gateway.MAX_REQUEST_LINE - "GET  HTTP/1.1".length() - prefix.length() - suffix.length();
        String longest = prefix + "a".repeat(room) + suffix;
        RawHttp.Response response = RawHttp.get(gateway.port(), longest);
        assertEquals(200, response.status());
        assertEquals("threads-service " + longest, response.body(), "the whole query string arrives unchanged");

        RawHttp.Response tooLong = RawHttp.get(gateway.port(), prefix + "a".repeat(room + 1) + suffix);
        assertEquals(414, tooLong.status());
        assertTrue(tooLong.body().contains("\"error\":\"uri_too_long\""), tooLong.body());
    }

    @Test
    void passes_headers_up_to_the_services_limit_so_the_service_answers_in_its_envelope() throws Exception {
        String header = "X-Padding: " + "a".repeat(Gateway.MAX_HEADER_SIZE - 1024) + "\r\n";
        RawHttp.Response response = RawHttp.send(gateway.port(),
                "GET /sessions/ses_1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\n");
        assertEquals(200, response.status());
        assertEquals("sessions-service /sessions/ses_1", response.body());
    }

    @Test
    void does_not_tunnel_a_websocket_upgrade_past_the_routing() throws Exception {
        String upgrade = "Host: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
        assertEquals(404, RawHttp.send(gateway.port(), "GET /sessions/../q/metrics HTTP/1.1\r\n" + upgrade).status());
        assertEquals(200, RawHttp.send(gateway.port(), "GET /sessions/x/../ses_1 HTTP/1.1\r\n" + upgrade).status());
        assertEquals(List.of("/sessions/ses_1"), List.copyOf(received.get("sessions-service")));
    }
}
