package dev.sessionledger.threads.query;

import java.util.List;

/**
 * What a list cursor carries.
 *
 * @param values the sort-key values of the row it names, typed for binding
 * @param total  the list's total as its first page counted it, or null when the cursor carries none
 */
public record Cursor(List<Object> values, Long total) {
}
