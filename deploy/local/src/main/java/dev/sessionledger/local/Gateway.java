package dev.sessionledger.local;

import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyOptions;

/** A reverse proxy on one port that sends each request, its path normalised, to the service the Ingress rules name. */
public final class Gateway implements AutoCloseable {

    static final int MAX_REQUEST_LINE = 32768;
    static final int BACKEND_CONNECTIONS = 256;

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
        // The proxy's WebSocket tunnel forwards the raw URI and skips interceptors, so it would
        // bypass the routing below; no service speaks WebSocket.
        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .addInterceptor(new RoutingInterceptor(routes, backends))
                .origin(OriginRequestProvider.selector(RoutingInterceptor::backend));
        // The thread API takes JSON filters in the query string: allow the line length its service allows.
        HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(MAX_REQUEST_LINE);
        HttpServer server = vertx.createHttpServer(options)
                .invalidRequestHandler(GatewayErrors::answerInvalid)
                .requestHandler(proxy);
        try {
            server.listen(port, host).toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            vertx.close();
            throw new IllegalStateException("The gateway could not listen on " + host + ":" + port, e);
        }
        return new Gateway(vertx, server);
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
