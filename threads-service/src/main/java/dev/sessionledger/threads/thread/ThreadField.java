package dev.sessionledger.threads.thread;

import java.util.Map;

import dev.sessionledger.threads.query.FieldSpec;
import dev.sessionledger.threads.query.FilterCompiler;
import dev.sessionledger.threads.query.FilterField;
import dev.sessionledger.threads.query.ValueType;

/** The thread fields a participant filter may reach through {@code {"thread": {...}}}. */
public enum ThreadField implements FilterField {
    ID("id", "t.id", ValueType.UUID_TEXT, false),
    TITLE("title", "t.title", ValueType.TEXT, true),
    CREATED_BY("createdBy", "t.created_by", ValueType.TEXT, false),
    CREATED_AT("createdAt", "t.created_at", ValueType.TIMESTAMP, false);

    public static final FilterCompiler.Schema SCHEMA = new FilterCompiler.Schema(FilterField.byWire(values()), Map.of());

    private final FieldSpec spec;

    ThreadField(String wire, String column, ValueType type, boolean nullable) {
        this.spec = new FieldSpec(wire, column, type, nullable);
    }

    @Override
    public FieldSpec spec() {
        return spec;
    }
}
