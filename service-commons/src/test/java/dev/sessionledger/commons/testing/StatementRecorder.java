package dev.sessionledger.commons.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import dev.sessionledger.commons.persistence.SqlReads;

/**
 * The SQL a service sends while a test records, as sent (parameters as {@code ?}): what Hibernate
 * sends, seen as its statement inspector, and the plain reads of {@link SqlReads}, seen in the
 * statements it logs. Index tests EXPLAIN these with {@link QueryPlans}, not statements of their
 * own. A persistence unit takes one inspector, so a service's tests declare it once, as a bean:
 * {@code @PersistenceUnitExtension @ApplicationScoped public class RecordedStatements extends StatementRecorder {}}.
 */
public abstract class StatementRecorder implements StatementInspector {

    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            recorded.add(sql);
        }
        return sql;
    }

    /** The statements {@code action} sent. */
    public List<String> during(Runnable action) {
        Logger reads = Logger.getLogger(SqlReads.class.getName());
        Level level = reads.getLevel();
        boolean parents = reads.getUseParentHandlers();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord statement) {
                if (recording) {
                    recorded.add(statement.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        recorded.clear();
        reads.addHandler(handler);
        reads.setUseParentHandlers(false);
        reads.setLevel(Level.FINE);
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
            reads.setLevel(level);
            reads.setUseParentHandlers(parents);
            reads.removeHandler(handler);
        }
        return List.copyOf(recorded);
    }
}
