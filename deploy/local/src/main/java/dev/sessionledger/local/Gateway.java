package dev.sessionledger.local;

import java.util.Map;
import java.util.Optional;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;

/** A reverse proxy on one port that sends each request to the service the Ingress rules name. */
public final class Gateway implements AutoCloseable {

    static final int MAX_REQUEST_LINE = 32768;
    static final int BACKEND_CONNECTIONS = 256;

    private static final String NO_ROUTE = "{\"error\":\"no_route\",\"message\":\"No service serves this path\"}";

    private final Vertx vertx;
    private final HttpServer server;

    private Gateway(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * @param backends the local port of each service named in the Ingress rules
     */
    public static Gateway start(IngressRoutes routes, Map<String, Integer> backends, String host, int port) {
        Vertx vertx = Vertx.vertx();
        // Vert.x keeps 5 connections per backend by default, which would queue requests at the
        // gateway that an Ingress controller passes straight on.
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(BACKEND_CONNECTIONS));
        HttpProxy proxy = HttpProxy.reverseProxy(client);
        proxy.originSelector(request -> Future.succeededFuture(
                SocketAddress.inetSocketAddress(portFor(routes, backends, request.path()).orElseThrow(), "127.0.0.1")));
        // The thread API takes JSON filters in the query string: allow the line length its service allows.
        HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(MAX_REQUEST_LINE);
        HttpServer server = vertx.createHttpServer(options).requestHandler(request -> {
            if (portFor(routes, backends, request.path()).isPresent()) {
                proxy.handle(request);
            } else {
                request.response().setStatusCode(404).putHeader("content-type", "application/json").end(NO_ROUTE);
            }
        });
        try {
            server.listen(port, host).toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            vertx.close();
            throw new IllegalStateException("The gateway could not listen on " + host + ":" + port, e);
        }
        return new Gateway(vertx, server);
    }

    private static Optional<Integer> portFor(IngressRoutes routes, Map<String, Integer> backends, String path) {
        return routes.serviceFor(path).map(backends::get);
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
