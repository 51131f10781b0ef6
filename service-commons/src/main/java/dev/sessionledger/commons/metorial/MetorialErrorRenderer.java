package dev.sessionledger.commons.metorial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.commons.errors.ErrorRenderer;

/** Metorial's error body: {@code {"__typename":"error","ok":false,"status","code","message",...}}. */
public class MetorialErrorRenderer implements ErrorRenderer {

    @Override
    public Object body(ApiException error, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__typename", "error");
        body.put("ok", false);
        body.put("status", error.status());
        body.put("code", codeOf(error));
        body.put("message", error.getMessage());
        if (error.entity() != null) {
            body.put("entity", error.entity());
        }
        if (error.id() != null) {
            body.put("id", error.id());
        }
        if (!error.errors().isEmpty()) {
            body.put("errors", error.errors().stream()
                    .map(e -> Map.of("code", "invalid_value", "message", e.message(), "path", List.of(e.field())))
                    .toList());
        }
        return body;
    }

    static String codeOf(ApiException error) {
        return switch (error.status()) {
            case 400 -> error.errors().isEmpty() ? "bad_request" : "invalid_data";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 503 -> "service_unavailable";
            default -> error.status() >= 500 ? "internal_server_error" : "bad_request";
        };
    }
}
