package dev.sessionledger.commons.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * EXPLAIN for index tests: sequential scans are priced out, so that tiny test tables cannot hide
 * a missing index, and a plan shows whether an index serves a query's filter and order.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static String explain(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("explain " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            return plan.toString();
        }
    }

    /** Asserts {@code index} serves the query and no sort step follows it. */
    public static void assertServedBy(DataSource dataSource, String index, String sql) throws SQLException {
        String plan = explain(dataSource, sql);
        assertTrue(plan.contains(index) && !plan.contains("Sort"), plan);
    }
}
