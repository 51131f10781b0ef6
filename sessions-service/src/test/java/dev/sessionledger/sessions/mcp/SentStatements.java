package dev.sessionledger.sessions.mcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Records the SQL Hibernate sends while a test listens, as sent (parameters as {@code ?}), so that an
 * index test can EXPLAIN the statement the code runs rather than one written after it.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SentStatements implements StatementInspector {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean listening;

    @Override
    public String inspect(String sql) {
        if (listening) {
            sent.add(sql);
        }
        return sql;
    }

    /** The statements sent while {@code action} ran, in order. */
    public List<String> during(Runnable action) {
        sent.clear();
        listening = true;
        try {
            action.run();
        } finally {
            listening = false;
        }
        return List.copyOf(sent);
    }
}
