package dev.sessionledger.commons.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.errors.ErrorEnvelope;
import dev.sessionledger.commons.errors.ErrorEnvelopes;
import dev.sessionledger.commons.errors.Failure;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, in the called API's own error envelope, a request beyond what this service reads: a
 * request line longer than {@code sessionledger.http.max-request-line} (414), headers larger than
 * {@code sessionledger.http.max-header-size} (431), a NUL character in the path, the query or a
 * header (400, naming where), or a declared body larger than {@code sessionledger.http.max-body-size}
 * (413; {@link BodySizeLimit} counts a body sent without a length). The platform's own limits sit
 * above these and would answer with an empty body; this runs before any other route.
 */
@ApplicationScoped
public class RequestLimitsRoute {

    @ConfigProperty(name = "sessionledger.http.max-request-line", defaultValue = "8192")
    int maxRequestLine;

    @ConfigProperty(name = "sessionledger.http.max-header-size", defaultValue = "16K")
    MemorySize maxHeaderSize;

    @ConfigProperty(name = "sessionledger.http.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    @Inject
    ErrorEnvelopes envelopes;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        Failure refusal = refusal(context.request());
        if (refusal == null) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        ErrorEnvelope envelope = envelopes.forPath(path);
        int status = envelope.status(refusal.kind());
        String body;
        try {
            body = json.writeValueAsString(envelope.body(refusal, status, path));
        } catch (JsonProcessingException e) {
            body = "";
        }
        // The unread body is not drained: the connection closes after the answer.
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, envelope.mediaType())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    private Failure refusal(HttpServerRequest request) {
        String uri = request.uri();
        if (request.method().name().length() + uri.length() + 10 > maxRequestLine) {
            return Failure.of(Failure.Kind.LINE_TOO_LONG, "The request line is longer than the " + maxRequestLine
                    + " characters this service reads");
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
            if (header.getValue().indexOf('\u0000') >= 0) {
                return Failure.invalid(header.getKey(), "must not contain the NUL character");
            }
        }
        if (headerBytes > maxHeaderSize.asLongValue()) {
            return Failure.of(Failure.Kind.HEADERS_TOO_LARGE, "The request headers are larger than the "
                    + maxHeaderSize.asLongValue() + " bytes this service reads");
        }
        if (uri.toLowerCase(Locale.ROOT).contains("%00")) {
            return Failure.invalid(whereNul(uri), "must not contain the NUL character (%00)");
        }
        if (declaredLength(request) > maxBodySize.asLongValue()) {
            return BodySizeLimit.tooLarge(maxBodySize.asLongValue());
        }
        return null;
    }

    /** The query parameter whose name or value holds an encoded NUL, else the path. */
    private static String whereNul(String uri) {
        int query = uri.indexOf('?');
        if (query < 0 || uri.substring(0, query).toLowerCase(Locale.ROOT).contains("%00")) {
            return "path";
        }
        for (String pair : uri.substring(query + 1).split("&")) {
            if (pair.toLowerCase(Locale.ROOT).contains("%00")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                try {
                    return URLDecoder.decode(name, StandardCharsets.UTF_8).replace("\u0000", "\\u0000");
                } catch (IllegalArgumentException e) {
                    return "query";
                }
            }
        }
        return "query";
    }

    /** The body length a request declares, or -1 when it declares none (or none that is a number). */
    public static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
