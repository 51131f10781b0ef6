package dev.sessionledger.commons.paging;

import java.util.List;

/**
 * One page of a keyset list, in the list's order, and whether rows lie before its first row and
 * after its last one.
 */
public record KeysetSlice<T>(List<T> rows, boolean hasBefore, boolean hasAfter) {

    public KeysetSlice {
        rows = List.copyOf(rows);
    }
}
