package dev.sessionledger.sessions.realtime;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

import dev.sessionledger.commons.testing.QueryPlans;
import dev.sessionledger.commons.testing.StatementRecorder;

/** The one statement inspector of this service's tests: the SQL Hibernate sends while a test records. */
@PersistenceUnitExtension
@ApplicationScoped
public class RecordedStatements extends StatementRecorder {

    /** The plans ({@link QueryPlans}) of the reads of {@code table} that {@code request} sent; at least one. */
    public List<String> plansOfReads(DataSource dataSource, String table, Runnable request) throws SQLException {
        List<String> sent = during(request);
        List<String> reads = sent.stream().filter(sql -> sql.startsWith("select") && sql.contains(" from " + table + " "))
                .toList();
        if (reads.isEmpty()) {
            throw new AssertionError("no read of " + table + " among " + sent);
        }
        List<String> plans = new ArrayList<>();
        for (String read : reads) {
            plans.add(QueryPlans.explain(dataSource, read));
        }
        return plans;
    }
}
