package dev.sessionledger.commons.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * EXPLAIN of a statement as the code sends it, placeholders and all: PostgreSQL's generic plan,
 * the one for any values. Sequential scans are priced out so the tiny test tables cannot hide a
 * missing index, and bitmap scans too: they return rows out of index order, and on a few rows a
 * sort after them costs nothing, which would hide an index that cannot give the order. The
 * statement goes to EXPLAIN as text, so JDBC binds none of its placeholders.
 */
public final class QueryPlans {

    private static final String PLAN_FUNCTION = """
            CREATE OR REPLACE FUNCTION pg_temp.generic_plan(statement text) RETURNS SETOF text AS $f$
            BEGIN
                RETURN QUERY EXECUTE 'EXPLAIN (GENERIC_PLAN) ' || statement;
            END
            $f$ LANGUAGE plpgsql
            """;

    private QueryPlans() {
    }

    /** @param sql a statement with JDBC's {@code ?} placeholders */
    public static String explain(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local enable_seqscan = off");
                s.execute("set local enable_bitmapscan = off");
                s.execute(PLAN_FUNCTION);
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("select * from pg_temp.generic_plan(?)")) {
                ps.setString(1, numbered(sql));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
            return plan.toString();
        }
    }

    /** Asserts {@code index} serves the statement and no sort step follows it. */
    public static void assertServedBy(DataSource dataSource, String index, String sql) throws SQLException {
        assertPlanServedBy(index, explain(dataSource, sql));
    }

    /** Asserts the plan reads from {@code index} and has no sort step. */
    public static void assertPlanServedBy(String index, String plan) {
        assertTrue(plan.contains(index), plan);
        assertFalse(plan.contains("Sort"), plan);
    }

    /** JDBC's {@code ?} placeholders as PostgreSQL's numbered ones, which EXPLAIN reads. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return out.toString();
    }
}
