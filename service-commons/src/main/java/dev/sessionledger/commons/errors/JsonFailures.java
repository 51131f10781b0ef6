package dev.sessionledger.commons.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import dev.sessionledger.commons.json.JsonMapperProducer;
import dev.sessionledger.commons.json.NulCharacterException;

/** Why a request body could not be read, as a 400 that says what to fix. */
final class JsonFailures {

    private JsonFailures() {
    }

    static Failure describe(JsonProcessingException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NulCharacterException nul) {
                return Failure.invalid(nul.field(), "must not contain the NUL character (\\u0000)");
            }
            if (t instanceof StreamConstraintsException) {
                return Failure.malformed("The request body is larger or nested deeper than this API reads (at most "
                        + JsonMapperProducer.MAX_NESTING_DEPTH + " levels)");
            }
        }
        return Failure.malformed("The request body is not valid JSON for this endpoint");
    }
}
