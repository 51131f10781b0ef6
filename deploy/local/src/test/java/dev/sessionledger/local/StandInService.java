package dev.sessionledger.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service, run as a child JVM by the supervisor tests: it answers
 * {@code /q/health/ready} with its mark and pid, and {@code /exit?code=N} by exiting with N.
 */
public final class StandInService {

    private StandInService() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
        server.createContext("/q/health/ready", exchange ->
                answer(exchange, System.getenv("STAND_IN_MARK") + " " + ProcessHandle.current().pid()));
        server.createContext("/exit", exchange -> {
            answer(exchange, "bye");
            Runtime.getRuntime().halt(Integer.parseInt(exchange.getRequestURI().getQuery().replace("code=", "")));
        });
        server.start();
        System.out.println("stand-in started as " + ProcessHandle.current().pid());
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
