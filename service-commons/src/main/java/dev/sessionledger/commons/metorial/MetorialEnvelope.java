package dev.sessionledger.commons.metorial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.commons.errors.ErrorEnvelope;
import dev.sessionledger.commons.errors.Failure;

/**
 * Metorial's error envelope, {@code {"__typename":"error","ok":false,"status","code","message",...}},
 * and its table of codes: {@code invalid_data} (with {@code errors[]}), {@code not_found} (with
 * {@code entity} and {@code id}), {@code conflict}, ...
 */
@ApplicationScoped
public class MetorialEnvelope implements ErrorEnvelope {

    @Override
    public Object body(Failure failure, int status, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__typename", "error");
        body.put("ok", false);
        body.put("status", status);
        body.put("code", code(failure.kind()));
        body.put("message", failure.getMessage());
        if (failure.entity() != null) {
            body.put("entity", failure.entity());
        }
        if (failure.id() != null) {
            body.put("id", failure.id());
        }
        if (!failure.errors().isEmpty()) {
            body.put("errors", failure.errors().stream()
                    .map(e -> Map.of("code", "invalid_value", "message", e.message(), "path", List.of(e.field())))
                    .toList());
        }
        return body;
    }

    static String code(Failure.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> "invalid_data";
            case MALFORMED, NOT_ACCEPTABLE, GONE -> "bad_request";
            case UNAUTHENTICATED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case CONFLICT -> "conflict";
            case BODY_TOO_LARGE -> "payload_too_large";
            case LINE_TOO_LONG -> "uri_too_long";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case HEADERS_TOO_LARGE -> "headers_too_large";
            case UNAVAILABLE -> "service_unavailable";
            case INTERNAL -> "internal_server_error";
        };
    }
}
