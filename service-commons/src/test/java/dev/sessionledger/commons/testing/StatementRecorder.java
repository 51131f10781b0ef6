package dev.sessionledger.commons.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL Hibernate sends while a test records, as sent (parameters as {@code ?}): index tests
 * EXPLAIN these with {@link QueryPlans}, not statements of their own. A persistence unit takes one
 * inspector, so a service's tests declare it once, as a bean:
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
        recorded.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return List.copyOf(recorded);
    }
}
