package dev.sessionledger.messages.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.http.RequestLimitsRoute;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds the memory ingest takes: the bodies read at once share one budget of bytes. A body
 * reserves its declared length (the largest body allowed, when it declares none) before any of it
 * is read, and gives it back when its exchange ends, however it ends. A batch held in memory costs a
 * few times its body (its payloads, their database parameters, the answer), so the default budget,
 * a quarter of the heap, keeps the heap clear of what concurrent large batches would otherwise take.
 */
@ApplicationScoped
@Startup
public class InflightBodies {

    /**
     * About how long the largest batches take to be read, stored and answered, and so to free their
     * share (a 50 MB batch took 2.5 to 3 s on a busy 2-core machine).
     */
    static final int RETRY_AFTER_SECONDS = 3;
    /**
     * How long the rest of a body answered early is read and dropped. A client that sends the whole
     * body before it reads the answer (many do) would otherwise see the connection reset, not the answer.
     */
    static final long DRAIN_MILLIS = 5000;

    private static final Logger LOG = Logger.getLogger(InflightBodies.class);

    @Inject
    IngestConfig config;

    @ConfigProperty(name = "sessionledger.http.max-body-size")
    MemorySize maxBodySize;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong inFlight = new AtomicLong();
    private long budget;

    @PostConstruct
    void init() {
        budget = config.maxInflightBytes().map(MemorySize::asLongValue)
                .orElseGet(() -> Runtime.getRuntime().maxMemory() / 4);
        LOG.infof("Ingest bodies may take %d bytes at once", budget);
        Gauge.builder("messages.ingest.inflight.bytes", inFlight, AtomicLong::get)
                .description("Bytes of ingest bodies being read and stored, by their declared lengths")
                .register(metrics);
        Gauge.builder("messages.ingest.inflight.budget.bytes", () -> budget)
                .description("Most bytes of ingest bodies read at once")
                .register(metrics);
    }

    /**
     * Admits the body of this exchange, before any of it is read.
     *
     * @return the body to read, which notes whether it was read to its end
     * @throws Failure 413 when the body alone exceeds the whole budget, 503 with Retry-After
     *         when the bodies in flight leave no room for it now
     */
    public InputStream admit(RoutingContext exchange, InputStream body) {
        Body admitted = new Body(body);
        dropUnreadRest(exchange, admitted);
        long declared = RequestLimitsRoute.declaredLength(exchange.request());
        long share = declared >= 0 ? declared : maxBodySize.asLongValue();
        if (share > budget) {
            throw Failure.of(Failure.Kind.BODY_TOO_LARGE, declared >= 0
                    ? "The request body is larger than the " + budget + " bytes this service reads at once"
                    : "A request body without a Content-Length may be as large as the body limit, more than the "
                            + budget + " bytes this service reads at once; declare its length");
        }
        long taken;
        do {
            taken = inFlight.get();
            if (taken + share > budget) {
                throw Failure.unavailable("Other batches are being stored; retry in " + RETRY_AFTER_SECONDS
                        + " seconds", RETRY_AFTER_SECONDS);
            }
        } while (!inFlight.compareAndSet(taken, taken + share));
        AtomicBoolean released = new AtomicBoolean();
        exchange.addEndHandler(ended -> {
            if (released.compareAndSet(false, true)) {
                inFlight.addAndGet(-share);
            }
        });
        return admitted;
    }

    /** A request body that notes when it has been read to its end. */
    private static final class Body extends FilterInputStream {

        private volatile boolean atEnd;

        Body(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int read = super.read();
            atEnd |= read < 0;
            return read;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int read = super.read(bytes, offset, length);
            atEnd |= read < 0;
            return read;
        }
    }

    /**
     * An answer given before the body was read to its end (a refusal, a payload past its bound)
     * closes the connection, after the rest of the body has been read and dropped for a while.
     */
    private static void dropUnreadRest(RoutingContext exchange, Body body) {
        HttpServerRequest request = exchange.request();
        exchange.addHeadersEndHandler(head -> {
            if (!body.atEnd) {
                exchange.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            }
        });
        exchange.addEndHandler(ended -> {
            if (body.atEnd) {
                return;
            }
            long closing = exchange.vertx().setTimer(DRAIN_MILLIS, timer -> request.connection().close());
            try {
                request.handler(dropped -> {
                });
                request.endHandler(end -> {
                    exchange.vertx().cancelTimer(closing);
                    request.connection().close();
                });
                request.resume();
            } catch (IllegalStateException alreadyEnded) {
                exchange.vertx().cancelTimer(closing);
                request.connection().close();
            }
        });
    }
}
