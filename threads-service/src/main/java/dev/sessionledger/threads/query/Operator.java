package dev.sessionledger.threads.query;

import java.util.Arrays;
import java.util.Optional;

/** The comparison operators of the filter language, by the name a filter spells them with. */
public enum Operator {
    EQ("eq"), NEQ("neq"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), LIKE("like"), ILIKE("ilike"), IN("in"),
    NIN("nin"), IS_NULL("isNull");

    private final String wire;

    Operator(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Operator> of(String wire) {
        return Arrays.stream(values()).filter(o -> o.wire.equals(wire)).findFirst();
    }
}
