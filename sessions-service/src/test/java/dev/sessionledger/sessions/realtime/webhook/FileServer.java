package dev.sessionledger.sessions.realtime.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/** Serves the files deliveries name, as RealtimeKit's storage would: by path, 404 for any other. */
final class FileServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, Long> stalls = new ConcurrentHashMap<>();

    FileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String file = files.get(path);
            byte[] body = file == null ? "no such file".getBytes(StandardCharsets.UTF_8)
                    : file.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(file == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                Long stall = stalls.get(path);
                if (stall != null && body.length > 1) {
                    out.write(body, 0, 1);
                    out.flush();
                    Thread.sleep(stall);
                    out.write(body, 1, body.length - 1);
                } else {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The reader gave up on a stalled file.
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** The URL the file is served at from now on. */
    String put(String path, String content) {
        files.put(path, content);
        return url(path);
    }

    /** The URL of a file whose first byte comes at once and the rest after {@code millis}. */
    String putStalled(String path, String content, long millis) {
        stalls.put(path, millis);
        return put(path, content);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
