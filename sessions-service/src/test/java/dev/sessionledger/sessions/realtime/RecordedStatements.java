package dev.sessionledger.sessions.realtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/** The SQL Hibernate sends while a test records, as sent: index tests EXPLAIN these, not statements of their own. */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements implements StatementInspector {

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
