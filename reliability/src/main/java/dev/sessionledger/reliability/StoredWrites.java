package dev.sessionledger.reliability;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Looks a load's writes up by SQL: acknowledged ones missing, and rows stored more than once. */
public final class StoredWrites {

    /** The outcome: {@code missing} acknowledged rows not found, {@code duplicates} rows beyond one per marker. */
    public record Check(long acknowledgedRows, long missing, long duplicates, List<String> missingSamples,
            List<String> duplicateSamples) {
    }

    private record Lookup(String database, String sql) {
    }

    private static final Map<Load.Kind, Lookup> LOOKUPS = new EnumMap<>(Map.of(
            Load.Kind.MCP_SESSION, new Lookup("sessions", "select metadata->>'rel', count(*) from mcp_session"
                    + " where tenant_id = 'demo' and metadata->>'rel' = any(?) group by 1"),
            Load.Kind.MESSAGES, new Lookup("messages", "select " + Bodies.MESSAGE_MARKER_SQL + ", count(*)"
                    + " from session_message where tenant_id = 'demo' and " + Bodies.MESSAGE_MARKER_SQL
                    + " = any(?) group by 1"),
            Load.Kind.MEETING, new Lookup("sessions", "select id::text, count(*) from rtk_session"
                    + " where tenant_id = 'demo' and id::text = any(?) group by 1"),
            Load.Kind.CHAT, new Lookup("sessions", "select id::text, count(*) from rtk_chat_message"
                    + " where tenant_id = 'demo' and id::text = any(?) group by 1"),
            Load.Kind.THREAD, new Lookup("threads", "select title, count(*) from thread"
                    + " where tenant_id = 'demo' and title = any(?) group by 1")));

    private StoredWrites() {
    }

    /**
     * @param reference a System.nanoTime (the fault's moment) that missing samples are timed against; 0 for none
     */
    public static Check check(Database database, Load load, long reference) throws SQLException {
        List<Load.Write> attempted = load.attempted();
        List<Load.Acknowledgement> acknowledged = load.acknowledged();
        long rows = 0;
        long missing = 0;
        long duplicates = 0;
        List<String> missingSamples = new ArrayList<>();
        List<String> duplicateSamples = new ArrayList<>();
        for (Map.Entry<Load.Kind, Lookup> kind : LOOKUPS.entrySet()) {
            Set<String> all = keys(attempted, kind.getKey());
            if (all.isEmpty()) {
                continue;
            }
            Map<String, Long> counts = database.counts(kind.getValue().database(), kind.getValue().sql(), all);
            for (Load.Acknowledgement ack : acknowledged) {
                if (ack.write().kind() != kind.getKey()) {
                    continue;
                }
                for (String key : ack.write().keys()) {
                    rows++;
                    if (!counts.containsKey(key)) {
                        missing++;
                        if (missingSamples.size() < 5) {
                            missingSamples.add(kind.getKey() + " " + key + when(ack.nanos(), reference) + ": "
                                    + ack.answer());
                        }
                    }
                }
            }
            for (Map.Entry<String, Long> c : counts.entrySet()) {
                if (c.getValue() > 1) {
                    duplicates += c.getValue() - 1;
                    if (duplicateSamples.size() < 5) {
                        duplicateSamples.add(kind.getKey() + " " + c.getKey() + " ×" + c.getValue());
                    }
                }
            }
        }
        return new Check(rows, missing, duplicates, missingSamples, duplicateSamples);
    }

    private static String when(long nanos, long reference) {
        if (reference == 0) {
            return "";
        }
        double s = (nanos - reference) / 1e9;
        return String.format(java.util.Locale.ROOT, ", acknowledged %.3f s %s the fault", Math.abs(s), s < 0 ? "before" : "after");
    }

    private static Set<String> keys(Collection<Load.Write> writes, Load.Kind kind) {
        Set<String> keys = new HashSet<>();
        for (Load.Write w : writes) {
            if (w.kind() == kind) {
                keys.addAll(w.keys());
            }
        }
        return keys;
    }
}
