package dev.sessionledger.threads.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A field a filter or a sort may name: the column it reads (from a whitelist, never from input) and its type. */
public interface FilterField {

    FieldSpec spec();

    default String wire() {
        return spec().wire();
    }

    default String column() {
        return spec().column();
    }

    default ValueType type() {
        return spec().type();
    }

    default boolean nullable() {
        return spec().nullable();
    }

    /** The fields by the names callers use, in declaration order so error messages list them predictably. */
    static <F extends FilterField> Map<String, F> byWire(F[] fields) {
        Map<String, F> map = new LinkedHashMap<>();
        for (F field : fields) {
            map.put(field.wire(), field);
        }
        return Collections.unmodifiableMap(map);
    }
}
