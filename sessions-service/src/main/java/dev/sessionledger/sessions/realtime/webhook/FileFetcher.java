package dev.sessionledger.sessions.realtime.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
 * {@code realtime.webhooks.max-download-bytes}, a reply other than 2xx (redirects included), one
 * slower than {@code download-timeout}, or an address of this service's own network is a failure,
 * said in words fit for the delivery's record (and for its sender: no more than that).
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

    private final boolean privateHosts;

    /** Redirects are not followed: each hop would need the address check again. */
    @Inject
    public FileFetcher(RealtimeConfig config) {
        timeout = config.webhooks().downloadTimeout();
        maxBytes = config.webhooks().maxDownloadBytes();
        privateHosts = config.webhooks().allowPrivateDownloadHosts();
        client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A delivery names its file's URL, and a receiver may carry a key of its owner's: so the URL
     * must not reach this service's own network (loopback, private, link-local, carrier-grade NAT,
     * unique-local, multicast or unspecified addresses), unless configured for a test bed.
     */
    static void checkHost(URI url, boolean privateHosts) throws FetchFailed {
        if (privateHosts) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new FetchFailed("the download URL's host is not known");
        }
        for (InetAddress a : addresses) {
            byte[] b = a.getAddress();
            boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                    || a.isMulticastAddress() || carrierNat || uniqueLocal || (b.length == 4 && b[0] == 0)) {
                throw new FetchFailed("the download URL names a private or local address, which is not read");
            }
        }
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
        checkHost(url, privateHosts);
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
            throw new FetchFailed("the download URL could not be read");
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
