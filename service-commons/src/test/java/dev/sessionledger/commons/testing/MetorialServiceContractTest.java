package dev.sessionledger.commons.testing;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.restassured.response.ValidatableResponse;

/** The service contract for services that speak Metorial's API: errors come in Metorial's envelope. */
public abstract class MetorialServiceContractTest extends ServiceContractTest {

    private static final Map<Integer, String> CODES = Map.of(400, "invalid_data", 401, "unauthorized",
            414, "uri_too_long", 431, "headers_too_large", 503, "service_unavailable");

    @Override
    protected void assertErrorEnvelope(ValidatableResponse response, int status) {
        response.body("__typename", equalTo("error"))
                .body("ok", equalTo(false))
                .body("status", equalTo(status))
                .body("code", equalTo(CODES.get(status)));
    }
}
