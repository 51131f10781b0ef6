package dev.sessionledger.threads.query;

/**
 * What the query language knows about one field.
 *
 * @param wire   the name callers use, like {@code displayName}
 * @param column the qualified column, like {@code p.display_name}; from code, never from input
 */
public record FieldSpec(String wire, String column, ValueType type, boolean nullable) {
}
