package dev.sessionledger.commons.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL and the values bound to its {@code ?} markers, in order. Text only ever comes
 * from code and whitelists; anything a caller sent travels as a bound value.
 */
public record Sql(String text, List<Object> params) {

    public static final Sql TRUE = new Sql("TRUE", List.of());
    public static final Sql FALSE = new Sql("FALSE", List.of());

    public Sql {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    public static Sql of(String text) {
        return new Sql(text, List.of());
    }

    /** {@code text} with one {@code ?} marker, bound to {@code value}. */
    public static Sql bound(String text, Object value) {
        return new Sql(text, List.of(value));
    }

    /**
     * {@code column = ?} for one value, so that an index {@code (..., column, ...)} still gives the
     * order after it; {@code column = any(?)} for several, one array whatever their number.
     */
    public static Sql anyOf(String column, Collection<?> values) {
        return values.size() == 1 ? bound(column + " = ?", values.iterator().next())
                : bound(column + " = any(?)", values);
    }

    public Sql append(String more) {
        return new Sql(text + more, params);
    }

    public Sql append(Sql more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(more.params);
        return new Sql(text + more.text, all);
    }

    public Sql parenthesized() {
        return this == TRUE || this == FALSE ? this : of("(").append(this).append(")");
    }

    /** Both conditions; the constants TRUE and FALSE fold away. */
    public static Sql and(Sql a, Sql b) {
        if (a == FALSE || b == FALSE) {
            return FALSE;
        }
        if (a == TRUE) {
            return b;
        }
        if (b == TRUE) {
            return a;
        }
        return a.parenthesized().append(" AND ").append(b.parenthesized());
    }

    /** Either condition; the constants TRUE and FALSE fold away. */
    public static Sql or(Sql a, Sql b) {
        if (a == TRUE || b == TRUE) {
            return TRUE;
        }
        if (a == FALSE) {
            return b;
        }
        if (b == FALSE) {
            return a;
        }
        return a.parenthesized().append(" OR ").append(b.parenthesized());
    }

    public static Sql joined(List<Sql> parts, String separator) {
        Sql result = null;
        for (Sql part : parts) {
            result = result == null ? part.parenthesized() : result.append(separator).append(part.parenthesized());
        }
        return result == null ? TRUE : result;
    }
}
