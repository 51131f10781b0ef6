package dev.sessionledger.commons.testing;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** The service contract for services that speak Metorial's API: a 401 comes in Metorial's error envelope. */
public abstract class MetorialServiceContractTest extends ServiceContractTest {

    @Override
    protected void assertUnauthorizedEnvelope(ValidatableResponse response) {
        response.body("__typename", equalTo("error"))
                .body("ok", equalTo(false))
                .body("status", equalTo(401))
                .body("code", equalTo("unauthorized"));
    }
}
