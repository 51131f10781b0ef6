package dev.sessionledger.threads.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The six sort directions. Plain {@code asc} puts nulls last and plain {@code desc} puts them
 * first, as PostgreSQL does.
 */
public enum SortDirection {
    ASC("asc", false, false),
    DESC("desc", true, true),
    ASC_NULLS_FIRST("asc_nulls_first", false, true),
    ASC_NULLS_LAST("asc_nulls_last", false, false),
    DESC_NULLS_FIRST("desc_nulls_first", true, true),
    DESC_NULLS_LAST("desc_nulls_last", true, false);

    private final String wire;
    private final boolean descending;
    private final boolean nullsFirst;

    SortDirection(String wire, boolean descending, boolean nullsFirst) {
        this.wire = wire;
        this.descending = descending;
        this.nullsFirst = nullsFirst;
    }

    public String wire() {
        return wire;
    }

    public boolean descending() {
        return descending;
    }

    public boolean nullsFirst() {
        return nullsFirst;
    }

    /** The exact opposite order, for reading backwards from a {@code before} cursor. */
    public SortDirection reversed() {
        return Arrays.stream(values())
                .filter(d -> d.descending != descending && d.nullsFirst != nullsFirst)
                .findFirst().orElseThrow();
    }

    /** The direction without an explicit null placement, for a key that can hold no null. */
    public SortDirection plain() {
        return descending ? DESC : ASC;
    }

    public static Optional<SortDirection> of(String wire) {
        return Arrays.stream(values()).filter(d -> d.wire.equals(wire)).findFirst();
    }
}
