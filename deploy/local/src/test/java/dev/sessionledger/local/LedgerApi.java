package dev.sessionledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The ledger's HTTP APIs as one caller (a bearer token) sees them. */
final class LedgerApi {

    /** An answer: its status and its JSON body (a missing node when it had none). */
    record Reply(int status, JsonNode body) {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    LedgerApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    Reply get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    /** A text page, such as a service's {@code /q/metrics}. */
    String text(String path) {
        HttpResponse<String> response = exchange(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    Reply post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Reply post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every item of a Metorial list, page by page (ascending, {@code after} the last item's id). */
    List<JsonNode> all(String path, int pageSize) {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        while (true) {
            Reply page = get(path + (path.contains("?") ? "&" : "?") + "limit=" + pageSize + (after == null ? "" : "&after=" + after));
            if (page.status() != 200) {
                throw new AssertionError("GET " + path + " answered " + page.status() + ": " + page.body());
            }
            page.body().path("items").forEach(items::add);
            if (!page.body().path("pagination").path("has_more_after").asBoolean() || items.isEmpty()) {
                return items;
            }
            after = items.get(items.size() - 1).path("id").asText();
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private Reply send(HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            JsonNode body = response.body().length == 0 ? JSON.missingNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " with a body that is not JSON", e);
        }
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
