package dev.sessionledger.commons.errors;

/** One input at fault: the field, parameter or path into the body, and what is wrong with it. */
public record FieldError(String field, String message) {
}
