package dev.sessionledger.commons.errors;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

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
        if (failure instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Failure.invalid(path(mismatch), "must be " + expected(mismatch.getTargetType()));
        }
        return Failure.malformed("The request body is not valid JSON for this endpoint");
    }

    /** The field as the caller wrote it: JSON names, list elements by index ({@code messages[3].payload}). */
    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : failure.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "of another type";
    }
}
