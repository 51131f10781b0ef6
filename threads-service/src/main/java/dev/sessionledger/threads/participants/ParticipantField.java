package dev.sessionledger.threads.participants;

import java.util.Map;
import java.util.function.Function;

import dev.sessionledger.threads.query.FieldSpec;
import dev.sessionledger.threads.query.FilterCompiler;
import dev.sessionledger.threads.query.FilterField;
import dev.sessionledger.threads.query.ValueType;
import dev.sessionledger.threads.thread.ThreadField;

/** The whitelist of participant fields a filter or a sort may name, with their columns and types. */
public enum ParticipantField implements FilterField {
    ID("id", "p.id", ValueType.UUID_TEXT, false, ParticipantRow::id),
    THREAD_ID("threadId", "p.thread_id", ValueType.UUID_TEXT, false, ParticipantRow::threadId),
    USER_ID("userId", "p.user_id", ValueType.TEXT, true, ParticipantRow::userId),
    AGENT_ID("agentId", "p.agent_id", ValueType.TEXT, true, ParticipantRow::agentId),
    SWARM_ID("swarmId", "p.swarm_id", ValueType.TEXT, true, ParticipantRow::swarmId),
    EXTERNAL_IDENTITY("externalIdentity", "p.external_identity", ValueType.TEXT, true, ParticipantRow::externalIdentity),
    DISPLAY_NAME("displayName", "p.display_name", ValueType.TEXT, true, ParticipantRow::displayName),
    JOINED_AT("joinedAt", "p.joined_at", ValueType.TIMESTAMP, false, p -> ValueType.bindable(p.joinedAt())),
    LAST_READ_MESSAGE_ID("lastReadMessageId", "p.last_read_message_id", ValueType.TEXT, true,
            ParticipantRow::lastReadMessageId),
    LAST_READ_AT("lastReadAt", "p.last_read_at", ValueType.TIMESTAMP, true, p -> ValueType.bindable(p.lastReadAt()));

    /** Every field by the name callers use; every one of them is also sortable, each with its index. */
    public static final Map<String, ParticipantField> BY_WIRE = FilterField.byWire(values());

    /** What {@code filter} may name: the fields above and the participant's thread. */
    public static final FilterCompiler.Schema FILTER_SCHEMA = new FilterCompiler.Schema(BY_WIRE,
            Map.of("thread", new FilterCompiler.Relation(ThreadField.SCHEMA,
                    "SELECT 1 FROM thread t WHERE t.id = p.thread_id AND t.tenant_id = p.tenant_id")));

    private final FieldSpec spec;
    private final Function<ParticipantRow, Object> value;

    ParticipantField(String wire, String column, ValueType type, boolean nullable,
            Function<ParticipantRow, Object> value) {
        this.spec = new FieldSpec(wire, column, type, nullable);
        this.value = value;
    }

    @Override
    public FieldSpec spec() {
        return spec;
    }

    /** This field of {@code participant}, as a cursor carries and a query binds it. */
    public Object valueOf(ParticipantRow participant) {
        return value.apply(participant);
    }
}
