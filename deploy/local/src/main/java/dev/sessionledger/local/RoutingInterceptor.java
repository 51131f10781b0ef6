package dev.sessionledger.local;

import java.util.Map;
import java.util.Optional;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Decides where each request goes: normalises its path, refuses what must not pass, picks the
 * service by the Ingress rules and forwards the normalised path, so that the router and the
 * service read the same path.
 */
final class RoutingInterceptor implements ProxyInterceptor {

    /** The proxy context attachment naming the chosen backend, read by {@link #backend(ProxyContext)}. */
    private static final String BACKEND = "sessionledger.backend";

    private final IngressRoutes routes;
    private final Map<String, Integer> backends;

    RoutingInterceptor(IngressRoutes routes, Map<String, Integer> backends) {
        this.routes = routes;
        this.backends = Map.copyOf(backends);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Optional<String> path = PathNormalizer.normalize(request.proxiedRequest().path());
        if (path.isEmpty()) {
            return Future.succeededFuture(answer(request, GatewayErrors.BAD_PATH));
        }
        // /q and /internal stay unrouted whatever the Ingress file says: a rule added there by
        // mistake must not open the services' private endpoints.
        Optional<Integer> port = PathNormalizer.isPrivate(path.get()) ? Optional.empty()
                : routes.serviceFor(path.get()).map(backends::get);
        if (port.isEmpty()) {
            return Future.succeededFuture(answer(request, GatewayErrors.NO_ROUTE));
        }
        String uri = request.getURI();
        int query = uri.indexOf('?');
        request.setURI(query < 0 ? path.get() : path.get() + uri.substring(query));
        context.set(BACKEND, SocketAddress.inetSocketAddress(port.get(), "127.0.0.1"));
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        // A 502 without a body is the proxy's own (the service could not be reached, as while it
        // restarts): answered as an Ingress does for a service with no ready pod, a 503 to retry.
        // A service's own 502 comes with its body and passes unchanged.
        if (response.getStatusCode() == 502 && response.getBody() == null) {
            fill(response, GatewayErrors.UNAVAILABLE)
                    .putHeader("retry-after", Integer.toString(GatewayErrors.RETRY_AFTER_SECONDS));
        }
        return context.sendResponse();
    }

    static Future<SocketAddress> backend(ProxyContext context) {
        return Future.succeededFuture(context.get(BACKEND, SocketAddress.class));
    }

    private static ProxyResponse answer(ProxyRequest request, GatewayErrors.GatewayError error) {
        return fill(request.release().response(), error);
    }

    private static ProxyResponse fill(ProxyResponse response, GatewayErrors.GatewayError error) {
        return response.setStatusCode(error.status())
                .putHeader("content-type", GatewayErrors.CONTENT_TYPE)
                .setBody(Body.body(error.body()));
    }
}
