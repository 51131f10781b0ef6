package dev.sessionledger.commons.errors;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose declared body exceeds {@code quarkus.http.limits.max-body-size} with a 413 in
 * the called API's own error envelope. It runs just before the platform's own limit check, which would
 * answer the same status with an empty body; bodies sent without a length are still cut by that check.
 */
@ApplicationScoped
public class OversizedBodyRoute {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ErrorRenderer renderer;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> refuseIfLarger(context, limit.asLongValue())));
    }

    private void refuseIfLarger(RoutingContext context, long limit) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        Response response = renderer.render(new ApiException(413,
                "The request body is larger than the " + limit + " bytes this service accepts", null, null, List.of()),
                context.normalizedPath());
        String body;
        try {
            body = json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            body = "";
        }
        // The unread body is not drained: the connection closes after the answer.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
