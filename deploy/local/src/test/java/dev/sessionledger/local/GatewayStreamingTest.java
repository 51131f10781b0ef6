package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * The gateway in front of a real HTTP backend answering as an MCP server does over Streamable HTTP:
 * an SSE stream whose first event reaches the client while the backend still holds the second, so
 * nothing is buffered on the way, and the transport's headers and the POST body pass both ways.
 */
class GatewayStreamingTest {

    private static final String FIRST = "id: 41\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
            + "\"params\":{\"progressToken\":1,\"progress\":1}}\n\n";
    private static final String SECOND = "id: 42\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}\n\n";
    private static final Duration FIRST_EVENT_DEADLINE = Duration.ofSeconds(10);

    private Vertx vertx;
    private Gateway gateway;
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Completed by the client once it has read the first event whole; the backend writes the second only then. */
    private final CompletableFuture<Void> firstEventRead = new CompletableFuture<>();
    private final AtomicLong secondWrittenAt = new AtomicLong();
    private final AtomicReference<MultiMap> backendSaw = new AtomicReference<>();
    private final AtomicReference<String> backendBody = new AtomicReference<>();
    /** Completed when the backend's connection for the stream closes. */
    private final CompletableFuture<Void> backendClosed = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        int mcp = vertx.createHttpServer().requestHandler(this::streamTwoEvents)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
        gateway = Gateway.start(IngressRoutes.load(Path.of("../kubernetes/base/ingress.yaml")), Map.of("mcp-gateway", mcp),
                "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        firstEventRead.complete(null);
        reader.shutdownNow();
        gateway.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Answers with an event stream: the first event at once, the second once the client has read the first (or after 10 s). */
    private void streamTwoEvents(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            backendSaw.set(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
            backendBody.set(request.method() + " " + request.uri() + " " + body.toString(StandardCharsets.UTF_8));
            var response = request.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("Mcp-Session-Id", "ses_upstream_answer")
                    .putHeader("MCP-Protocol-Version", "2025-06-18");
            response.closeHandler(closed -> backendClosed.complete(null));
            response.write(FIRST);
            firstEventRead.completeOnTimeout(null, FIRST_EVENT_DEADLINE.toSeconds() + 1, TimeUnit.SECONDS)
                    .whenComplete((done, failure) -> vertx.runOnContext(v -> {
                        secondWrittenAt.set(System.nanoTime());
                        response.end(SECOND);
                    }));
        });
    }

    private HttpRequest.Builder mcpRequest() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/mcp/pro_1"))
                .header("Authorization", "Bearer abc")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", "ses_1")
                .header("MCP-Protocol-Version", "2025-06-18")
                .header("Last-Event-ID", "40");
    }

    @Test
    void a_post_answered_with_an_event_stream_passes_each_event_as_it_is_written() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}";
        HttpResponse<InputStream> response = client.send(mcpRequest().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("ses_upstream_answer", response.headers().firstValue("mcp-session-id").orElseThrow());
        assertEquals("2025-06-18", response.headers().firstValue("mcp-protocol-version").orElseThrow());
        assertStreamsBothEventsInTurn(response.body());

        assertEquals("POST /mcp/pro_1 " + body, backendBody.get());
        MultiMap saw = backendSaw.get();
        assertEquals("ses_1", saw.get("Mcp-Session-Id"));
        assertEquals("2025-06-18", saw.get("MCP-Protocol-Version"));
        assertEquals("40", saw.get("Last-Event-ID"));
        assertEquals("application/json, text/event-stream", saw.get("Accept"));
        assertEquals("application/json", saw.get("Content-Type"));
        assertEquals("Bearer abc", saw.get("Authorization"),
                "the router passes the token on, as the Ingress does; mcp-gateway keeps it from the upstream");
    }

    @Test
    void a_get_stream_resumed_with_last_event_id_passes_each_event_as_it_is_written() throws Exception {
        HttpResponse<InputStream> response = client.send(mcpRequest().GET().build(), HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, response.statusCode());
        assertEquals("ses_upstream_answer", response.headers().firstValue("mcp-session-id").orElseThrow());
        assertStreamsBothEventsInTurn(response.body());
        assertEquals("GET /mcp/pro_1 ", backendBody.get());
        assertEquals("40", backendSaw.get().get("Last-Event-ID"));
        assertEquals("ses_1", backendSaw.get().get("Mcp-Session-Id"));
    }

    @Test
    void a_client_that_leaves_a_stream_closes_the_services_stream_too() throws Exception {
        HttpResponse<InputStream> response = client.send(mcpRequest().GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertEquals(FIRST, reader.submit(() -> readEvent(lines)).get(FIRST_EVENT_DEADLINE.toSeconds(), TimeUnit.SECONDS));

        response.body().close();

        backendClosed.get(10, TimeUnit.SECONDS);
        assertEquals(0, secondWrittenAt.get(), "the stream was closed while the backend still held its second event");
    }

    @Test
    void hop_by_hop_headers_stay_on_their_hop() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        String request = "POST /mcp/pro_1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nConnection: x-hop\r\nX-Hop: one\r\n"
                + "TE: trailers\r\nX-End-To-End: kept\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        firstEventRead.complete(null);
        RawHttp.Response response = RawHttp.send(gateway.port(), request);

        assertEquals(200, response.status());
        assertEquals("POST /mcp/pro_1 " + body, backendBody.get(), "a chunked body passes whole");
        MultiMap saw = backendSaw.get();
        assertEquals("kept", saw.get("X-End-To-End"));
        assertEquals(null, saw.get("X-Hop"), "a header the Connection header names is hop-by-hop");
        assertEquals(null, saw.get("TE"));
        assertTrue(saw.get("Connection") == null || !saw.get("Connection").contains("x-hop"), String.valueOf(saw.get("Connection")));
        assertTrue(response.body().contains(SECOND), response.body());
    }

    /** Reads the first event within the deadline, while the backend still holds the second; then the second and the end. */
    private void assertStreamsBothEventsInTurn(InputStream stream) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        Future<String> first = reader.submit(() -> readEvent(lines));
        String firstEvent = first.get(FIRST_EVENT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        long firstReadAt = System.nanoTime();
        assertEquals(0, secondWrittenAt.get(), "the backend had not written the second event when the first arrived");
        firstEventRead.complete(null);

        assertEquals(FIRST, firstEvent);
        assertEquals(SECOND, reader.submit(() -> readEvent(lines)).get(10, TimeUnit.SECONDS));
        assertTrue(secondWrittenAt.get() > firstReadAt, "the second event was written after the first was read");
        assertEquals(null, lines.readLine(), "the stream ends after the second event");
    }

    /** One SSE event: its lines up to and including the blank line that ends it. */
    private static String readEvent(BufferedReader lines) throws Exception {
        StringBuilder event = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            event.append(line).append('\n');
            if (line.isEmpty()) {
                return event.toString();
            }
        }
        throw new IllegalStateException("the stream ended inside an event: " + event);
    }
}
