package dev.sessionledger.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.commons.testing.EmbeddedPostgresResource;
import dev.sessionledger.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A batch larger than the body limit is refused up front, in the Metorial error envelope. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestTokens.class)
@QuarkusTestResource(FakeSessionsService.class)
class OversizedBodyTest {

    @Test
    void a_body_declared_larger_than_the_limit_gets_a_413_in_the_metorial_envelope() throws Exception {
        String request = "POST /sessions/ses_0000000000000000000000/messages HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + TestTokens.admin("demo") + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + (65L * 1024 * 1024) + "\r\n\r\n{\"messages\":[";
        String response;
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            response = readAll(socket.getInputStream());
        }

        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
        assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
        Map<?, ?> body = new ObjectMapper().readValue(response.substring(response.indexOf("\r\n\r\n") + 4), Map.class);
        assertEquals("error", body.get("__typename"));
        assertEquals(false, body.get("ok"));
        assertEquals(413, body.get("status"));
        assertEquals("payload_too_large", body.get("code"));
        assertTrue(((String) body.get("message")).contains("67108864 bytes"), body.toString());
    }

    /** One HTTP/1.1 response: the head, then as many body bytes as its Content-Length says. */
    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int headEnd = -1;
        long bodyLength = -1;
        while (true) {
            String sofar = bytes.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = sofar.indexOf("\r\n\r\n")) >= 0) {
                var length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(sofar.substring(0, headEnd));
                bodyLength = length.find() ? Long.parseLong(length.group(1)) : 0;
            }
            if (headEnd >= 0 && bytes.size() >= headEnd + 4 + bodyLength) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            int b = in.read();
            if (b < 0) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            bytes.write(b);
        }
    }
}
