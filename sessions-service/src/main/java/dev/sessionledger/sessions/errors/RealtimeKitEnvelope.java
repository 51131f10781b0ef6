package dev.sessionledger.sessions.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.commons.errors.ErrorEnvelope;
import dev.sessionledger.commons.errors.Failure;

/**
 * RealtimeKit's error envelope, {@code {"success":false,"error":{"code":<status>,"message"}}}: the
 * code is the HTTP status, so the table is HTTP's own.
 */
@ApplicationScoped
public class RealtimeKitEnvelope implements ErrorEnvelope {

    @Override
    public Object body(Failure failure, int status, String path) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", status);
        detail.put("message", failure.getMessage());
        return Map.of("success", false, "error", detail);
    }
}
