package dev.sessionledger.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;

/** The suite's one HTTP client: requests to the gateway or a service, answers that never throw, and raw bytes for what a client library refuses to send. */
public final class Http {

    /** One request; {@code path} is already encoded and may carry a query. */
    public record Call(String method, String path, String token, String contentType, byte[] body,
            Map<String, String> headers, Duration timeout) {

        public static Call of(String method, String path, String token) {
            return new Call(method, path, token, null, null, Map.of(), null);
        }

        public static Call json(String method, String path, String token, Object body) {
            return new Call(method, path, token, "application/json", Json.bytes(body), Map.of(), null);
        }

        public Call header(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Call(method, path, token, contentType, body, all, timeout);
        }

        public Call within(Duration limit) {
            return new Call(method, path, token, contentType, body, headers, limit);
        }

        /** The request line and the start of the body, for a log a developer reads. */
        public String describe() {
            String b = body == null ? "" : " body=" + Text.head(new String(body, StandardCharsets.UTF_8), 200);
            return method + " " + Text.head(path, 300) + b;
        }
    }

    /** An answer; {@code status} is -1 when none came (refused, reset, timed out), with {@code error} saying which. */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body, long nanos, String error) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean answered() {
            return status > 0;
        }

        public boolean timedOut() {
            return error != null && error.startsWith("timeout");
        }

        public String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return Json.parse(text());
        }

        public double seconds() {
            return nanos / 1e9;
        }

        public Optional<String> header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return Optional.of(e.getValue().get(0));
                }
            }
            return Optional.empty();
        }

        public String describe() {
            return answered() ? status + " " + Text.head(text(), 300) : "no answer (" + error + ")";
        }
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String host;
    private final int port;
    private final HttpClient client;

    public Http(int port) {
        this.host = "127.0.0.1";
        this.port = port;
        // HTTP/1.1 as the SDKs send it; without it the client would try an h2c upgrade on every request.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "http-" + port);
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    public String base() {
        return "http://" + host + ":" + port;
    }

    public Reply get(String path, String token) {
        return send(Call.of("GET", path, token));
    }

    public Reply json(String method, String path, String token, Object body) {
        return send(Call.json(method, path, token, body));
    }

    public Reply send(Call call) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = request(call);
        } catch (IllegalArgumentException e) {
            return new Reply(-1, Map.of(), new byte[0], 0, "not sendable: " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().map(), response.body(),
                    System.nanoTime() - start, null);
        } catch (HttpTimeoutException e) {
            return new Reply(-1, Map.of(), new byte[0], System.nanoTime() - start, "timeout after "
                    + (call.timeout() == null ? DEFAULT_TIMEOUT : call.timeout()).toMillis() + " ms");
        } catch (IOException e) {
            return new Reply(-1, Map.of(), new byte[0], System.nanoTime() - start, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Text.head(e.getMessage(), 200)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, Map.of(), new byte[0], System.nanoTime() - start, "interrupted");
        }
    }

    private HttpRequest request(Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + call.path()))
                .timeout(call.timeout() == null ? DEFAULT_TIMEOUT : call.timeout());
        if (call.token() != null) {
            builder.header("Authorization", "Bearer " + call.token());
        }
        if (call.contentType() != null) {
            builder.header("Content-Type", call.contentType());
        }
        call.headers().forEach(builder::header);
        HttpRequest.BodyPublisher body = call.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        return builder.method(call.method(), body).build();
    }

    /**
     * Sends bytes as they are over a socket and reads the status line of the answer: for requests a
     * client library refuses to build (malformed escapes, raw control characters, odd framing).
     */
    public Reply raw(byte[] request, Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 3000);
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while (answer.size() < 65_536 && (n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            long took = System.nanoTime() - start;
            if (!text.startsWith("HTTP/")) {
                return new Reply(-1, Map.of(), new byte[0], took, text.isEmpty() ? "connection closed without an answer"
                        : "not HTTP: " + Text.head(text, 100));
            }
            int lineEnd = text.indexOf("\r\n");
            String[] statusLine = text.substring(0, lineEnd < 0 ? text.length() : lineEnd).split(" ", 3);
            int bodyStart = text.indexOf("\r\n\r\n");
            byte[] body = bodyStart < 0 ? new byte[0] : text.substring(bodyStart + 4).getBytes(StandardCharsets.ISO_8859_1);
            return new Reply(Integer.parseInt(statusLine[1]), Map.of(), body, took, null);
        } catch (java.net.SocketTimeoutException e) {
            return new Reply(-1, Map.of(), new byte[0], System.nanoTime() - start, "timeout after " + timeout.toMillis()
                    + " ms");
        } catch (IOException | RuntimeException e) {
            return new Reply(-1, Map.of(), new byte[0], System.nanoTime() - start, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Text.head(e.getMessage(), 200)));
        }
    }

    /** A query string ({@code ?a=1&b=2}) with names and values percent-encoded, as SDKs send them; empty for none. */
    public static String query(List<Map.Entry<String, String>> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> p : parameters) {
            parts.add(encode(p.getKey()) + "=" + encode(p.getValue()));
        }
        return "?" + String.join("&", parts);
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The status class of an answer: {@code 2xx}, {@code 4xx}, {@code 5xx}, or {@code none}. */
    public static String statusClass(int status) {
        return status <= 0 ? "none" : (status / 100) + "xx";
    }
}
