package dev.sessionledger.threads.query;

import java.util.ArrayList;
import java.util.List;

import dev.sessionledger.commons.persistence.Sql;

/**
 * Builds the conditions and order of a keyset read for any multi-key sort whose last key is
 * unique and never null (the id).
 * <p>
 * The rows to read are cut into at most two segments on the first key: those where it is null and
 * those where it is not. Inside a segment the first key's null placement no longer matters, so
 * every one of the six directions reads an ordinary {@code (..., key, id)} index forwards or
 * backwards; a cursor on a non-null first key adds a plain {@code key >= value} bound so the read
 * starts at the cursor instead of the index's beginning. Later keys are compared through an
 * OR-chain that places nulls explicitly.
 */
public final class KeysetSql {

    private KeysetSql() {
    }

    /**
     * The segments to read, in order, each a condition to AND with the query's filter.
     *
     * @param anchor    the cursor's value for each key, or null to read from the start
     * @param inclusive whether the anchor row itself is included
     */
    public static List<Sql> segments(List<SortKey> keys, List<Object> anchor, boolean inclusive) {
        SortKey first = keys.get(0);
        String column = first.field().column();
        Sql isNull = Sql.of(column + " IS NULL");
        Sql notNull = Sql.of(column + " IS NOT NULL");
        List<Sql> segments = new ArrayList<>();
        if (anchor == null) {
            if (!first.field().nullable()) {
                segments.add(Sql.TRUE);
            } else if (first.nullsFirst()) {
                segments.add(isNull);
                segments.add(notNull);
            } else {
                segments.add(notNull);
                segments.add(isNull);
            }
            return segments;
        }
        Object value = anchor.get(0);
        if (value == null) {
            segments.add(Sql.and(isNull, after(keys, anchor, 1, inclusive)));
            if (first.nullsFirst()) {
                segments.add(notNull);
            }
        } else {
            String strictly = first.direction().descending() ? " < ?" : " > ?";
            String atLeast = first.direction().descending() ? " <= ?" : " >= ?";
            Sql beyond = Sql.or(Sql.bound(column + strictly, value),
                    Sql.and(Sql.bound(column + " = ?", value), after(keys, anchor, 1, inclusive)));
            segments.add(Sql.and(Sql.bound(column + atLeast, value), beyond));
            if (first.field().nullable() && !first.nullsFirst()) {
                segments.add(isNull);
            }
        }
        segments.removeIf(s -> s == Sql.FALSE);
        return segments;
    }

    /**
     * The ORDER BY for a segment. The first key is constant in its nulls inside a segment, so it is
     * written without a null placement, which lets one index serve all directions.
     *
     * @param lead a column the query holds to one value, ordered first in the first key's
     *             direction (which leaves the order unchanged), or null
     */
    public static Sql orderBy(String lead, List<SortKey> keys) {
        List<String> parts = new ArrayList<>();
        if (lead != null) {
            parts.add(lead + (keys.get(0).direction().descending() ? " DESC" : " ASC"));
        }
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i).orderSql(i > 0));
        }
        return Sql.of(String.join(", ", parts));
    }

    /** Rows beyond the anchor on keys {@code from..}, given they tie with it on every earlier key. */
    private static Sql after(List<SortKey> keys, List<Object> anchor, int from, boolean inclusive) {
        if (from == keys.size()) {
            return inclusive ? Sql.TRUE : Sql.FALSE;
        }
        SortKey key = keys.get(from);
        Object value = anchor.get(from);
        String column = key.field().column();
        Sql tie = value == null ? Sql.of(column + " IS NULL") : Sql.bound(column + " = ?", value);
        return Sql.or(beyond(key, value), Sql.and(tie, after(keys, anchor, from + 1, inclusive)));
    }

    /** Rows strictly beyond {@code value} on one key, nulls placed as the key's direction says. */
    private static Sql beyond(SortKey key, Object value) {
        String column = key.field().column();
        if (value == null) {
            return key.nullsFirst() ? Sql.of(column + " IS NOT NULL") : Sql.FALSE;
        }
        Sql compared = Sql.bound(column + (key.direction().descending() ? " < ?" : " > ?"), value);
        if (key.field().nullable() && !key.nullsFirst()) {
            return Sql.or(compared, Sql.of(column + " IS NULL"));
        }
        return compared;
    }
}
