package dev.sessionledger.commons.metorial;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.sessionledger.commons.paging.KeysetSlice;

/** Metorial's list envelope: {@code {"items":[...],"pagination":{"has_more_before","has_more_after"}}}. */
public record MetorialPage<T>(List<T> items, Pagination pagination) {

    /** Whether rows lie before the first item and after the last one, in the list's order. */
    public record Pagination(@JsonProperty("has_more_before") boolean hasMoreBefore,
            @JsonProperty("has_more_after") boolean hasMoreAfter) {
    }

    /** A keyset page, as Metorial shows it. */
    public static <T> MetorialPage<T> of(KeysetSlice<T> slice) {
        return new MetorialPage<>(slice.rows(), new Pagination(slice.hasBefore(), slice.hasAfter()));
    }

    public <R> MetorialPage<R> map(Function<T, R> mapper) {
        return new MetorialPage<>(items.stream().map(mapper).toList(), pagination);
    }
}
