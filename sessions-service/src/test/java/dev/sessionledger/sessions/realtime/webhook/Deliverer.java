package dev.sessionledger.sessions.realtime.webhook;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sessionledger.sessions.realtime.RealtimeApi;
import io.restassured.response.ValidatableResponse;

/**
 * Plays RealtimeKit for tests: a key pair of its own, a receiver made with its public key, and
 * deliveries signed as RealtimeKit signs them (base64 RSA-SHA256 over the body's bytes).
 */
final class Deliverer {

    static final ObjectMapper JSON = new ObjectMapper();

    final RealtimeApi api;
    final KeyPair keys;
    final String endpointId;
    final String receiver;

    Deliverer(RealtimeApi api) {
        this.api = api;
        this.keys = newKeys();
        this.endpointId = api.auth().body(Map.of("name", "test receiver", "public_key", pem(keys)))
                .when().post(endpoints(api)).then().statusCode(201).extract().path("data.id");
        this.receiver = "/webhooks/realtimekit/" + endpointId;
    }

    static String endpoints(RealtimeApi api) {
        return "/accounts/" + api.tenant + "/realtime/kit/" + api.app + "/webhook-endpoints";
    }

    static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String sign(PrivateKey key, byte[] body) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body signed with this deliverer's key, under a fresh rtk-uuid. */
    ValidatableResponse deliver(Object body) {
        return deliver(bytes(body), UUID.randomUUID().toString());
    }

    ValidatableResponse deliver(byte[] body, String uuid) {
        return post(body, sign(keys.getPrivate(), body), uuid);
    }

    ValidatableResponse post(byte[] body, String signature, String uuid) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request = request.header("rtk-signature", signature);
        }
        if (uuid != null) {
            request = request.header("rtk-uuid", uuid);
        }
        return request.when().post(receiver).then();
    }
}
