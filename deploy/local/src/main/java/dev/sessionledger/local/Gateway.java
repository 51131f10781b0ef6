package dev.sessionledger.local;

import java.util.Map;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;

/**
 * A reverse proxy on one port that sends each request, its path normalised, to the service the
 * Ingress rules name. One server per core shares the port, each on its own event loop with its own
 * connections to the services, as an nginx worker per core does: no request waits for another
 * core's loop.
 */
public final class Gateway implements AutoCloseable {

    /**
     * The services' platform limits: below them each service refuses an oversize request line or
     * header block in its own API's error envelope, so the gateway passes such requests on.
     */
    static final int MAX_REQUEST_LINE = 65536;
    static final int MAX_HEADER_SIZE = 65536;
    /** Connections kept to each service per event loop: an Ingress controller does not queue requests. */
    static final int BACKEND_CONNECTIONS = 256;

    private final Vertx vertx;
    private final int port;

    private Gateway(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /**
     * @param backends the local port of each service named in the Ingress rules
     * @param port     the port to listen on, or 0 for any free one
     */
    public static Gateway start(IngressRoutes routes, Map<String, Integer> backends, String host, int port) {
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx();
        // Vert.x shares a port among the servers of one Vertx; -1 is its "any free port, shared".
        int shared = port == 0 ? -1 : port;
        ProxyServer first = new ProxyServer(routes, backends, host, shared);
        try {
            vertx.deployVerticle(first).toCompletionStage().toCompletableFuture().join();
            if (loops > 1) {
                vertx.deployVerticle(() -> new ProxyServer(routes, backends, host, shared),
                        new DeploymentOptions().setInstances(loops - 1)).toCompletionStage().toCompletableFuture().join();
            }
        } catch (RuntimeException e) {
            vertx.close();
            throw new IllegalStateException("The gateway could not listen on " + host + ":" + port, e);
        }
        return new Gateway(vertx, first.actualPort());
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** One event loop's server and its own client to the services. */
    private static final class ProxyServer extends AbstractVerticle {

        private final IngressRoutes routes;
        private final Map<String, Integer> backends;
        private final String host;
        private final int port;
        private volatile HttpServer server;

        ProxyServer(IngressRoutes routes, Map<String, Integer> backends, String host, int port) {
            this.routes = routes;
            this.backends = backends;
            this.host = host;
            this.port = port;
        }

        @Override
        public void start(Promise<Void> started) {
            var client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(BACKEND_CONNECTIONS));
            HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(MAX_REQUEST_LINE)
                    .setMaxHeaderSize(MAX_HEADER_SIZE).setHandle100ContinueAutomatically(true);
            vertx.createHttpServer(options)
                    .invalidRequestHandler(GatewayErrors::answerInvalid)
                    .requestHandler(new RequestForwarder(routes, backends, client))
                    .listen(port, host)
                    .onSuccess(listening -> server = listening)
                    .<Void>mapEmpty()
                    .onComplete(started);
        }

        int actualPort() {
            return server.actualPort();
        }
    }
}
