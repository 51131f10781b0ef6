package dev.sessionledger.sessions.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.commons.errors.ApiException;
import dev.sessionledger.commons.errors.ErrorRenderer;
import dev.sessionledger.commons.metorial.MetorialErrorRenderer;

/**
 * sessions-service serves two APIs: RealtimeKit under {@code /accounts/} (and its download links under
 * {@code /downloads/}) answers
 * {@code {"success":false,"error":{"code","message"}}}; everything else answers in Metorial's envelope.
 */
@ApplicationScoped
public class SessionsErrorRenderer implements ErrorRenderer {

    private final MetorialErrorRenderer metorial = new MetorialErrorRenderer();

    @Override
    public Object body(ApiException error, String path) {
        if (path != null && (path.startsWith("/accounts/") || path.startsWith("/downloads/"))) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("code", error.status());
            detail.put("message", error.getMessage());
            return Map.of("success", false, "error", detail);
        }
        return metorial.body(error, path);
    }
}
