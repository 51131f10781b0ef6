package dev.sessionledger.messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * HTTP/1.1 over a plain socket to the service under test, for what an HTTP client library will not
 * do: declare a body and send only part of it, or read the answer before the body is sent.
 */
final class RawHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final OutputStream out;

    private RawHttp() throws IOException {
        socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
    }

    /** The status, headers (names in lower case) and body of one answer. */
    record Answer(int status, Map<String, String> headers, String body) {

        /** The body read as JSON. */
        Map<?, ?> json() throws IOException {
            return JSON.readValue(body, Map.class);
        }
    }

    /** Opens a connection and sends the head of a JSON request; a negative length sends the body chunked. */
    static RawHttp post(String path, String token, long contentLength) throws IOException {
        RawHttp http = new RawHttp();
        http.send(("POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + (contentLength < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength + "\r\n")
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        return http;
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    RawHttp send(byte[] bytes, int from, int to) throws IOException {
        out.write(bytes, from, to - from);
        out.flush();
        return this;
    }

    /** Reads one answer: the head, then as many body bytes as its Content-Length says. */
    Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The connection closed before an answer: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
