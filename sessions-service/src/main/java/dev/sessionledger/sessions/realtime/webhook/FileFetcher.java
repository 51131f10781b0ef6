package dev.sessionledger.sessions.realtime.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.sessions.realtime.RealtimeConfig;

/**
 * Reads the file a delivery's download URL names, bounded in size and in time: a file past
 * {@code realtime.webhooks.max-download-bytes}, a reply other than 2xx, or one slower than
 * {@code download-timeout} is a failure, said in words fit for the delivery's record.
 */
@ApplicationScoped
public class FileFetcher {

    /** Cuts bodies that outlast their fetch's timeout. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-file-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final HttpClient client;
    private final int maxBytes;
    private final Duration timeout;

    @Inject
    public FileFetcher(RealtimeConfig config) {
        timeout = config.webhooks().downloadTimeout();
        maxBytes = config.webhooks().maxDownloadBytes();
        client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A failure to read the file, with the reason as the delivery's record keeps it. */
    public static final class FetchFailed extends Exception {
        FetchFailed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The file's bytes. The request's timeout bounds the wait for the answer's head; a body still
     * arriving when the whole timeout has passed is cut by closing its stream.
     */
    public byte[] fetch(URI url) throws FetchFailed {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        AtomicBoolean cut = new AtomicBoolean();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new FetchFailed("the download URL answered HTTP " + response.statusCode());
                }
                long left = Math.max(1, timeout.toNanos() - (System.nanoTime() - started));
                ScheduledFuture<?> guard = DEADLINES.schedule(() -> {
                    cut.set(true);
                    closeQuietly(body);
                }, left, TimeUnit.NANOSECONDS);
                byte[] bytes;
                try {
                    bytes = body.readNBytes(maxBytes + 1);
                } finally {
                    guard.cancel(false);
                }
                if (bytes.length > maxBytes) {
                    throw new FetchFailed("the file is larger than the " + maxBytes + " bytes read");
                }
                return bytes;
            }
        } catch (IOException e) {
            if (cut.get()) {
                throw new FetchFailed("the file took longer than " + timeout.toSeconds() + " s to read");
            }
            throw new FetchFailed("the download URL could not be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailed("reading the download URL was interrupted");
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // The read it interrupts reports the failure.
        }
    }
}
