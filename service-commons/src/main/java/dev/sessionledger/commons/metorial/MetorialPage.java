package dev.sessionledger.commons.metorial;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Metorial's list envelope: {@code {"items":[...],"pagination":{"has_more_before","has_more_after"}}}. */
public record MetorialPage<T>(List<T> items, Pagination pagination) {

    /** Whether rows lie before the first item and after the last one, in the list's order. */
    public record Pagination(@JsonProperty("has_more_before") boolean hasMoreBefore,
            @JsonProperty("has_more_after") boolean hasMoreAfter) {
    }

    public <R> MetorialPage<R> map(java.util.function.Function<T, R> mapper) {
        return new MetorialPage<>(items.stream().map(mapper).toList(), pagination);
    }
}
