package dev.sessionledger.reliability;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Straight SQL on the stack's PostgreSQL (databases {@code sessions}, {@code messages}, {@code threads}), to see what was really stored. */
public final class Database {

    private final int port;

    public Database(int port) {
        this.port = port;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database
                + "?user=postgres&connectTimeout=5&socketTimeout=120&ApplicationName=fault-suite");
    }

    /**
     * Rows of {@code sql}, each as its columns' text. A {@link Collection} parameter is bound as a
     * {@code text[]}, for {@code = any(?)}.
     */
    public List<List<String>> rows(String database, String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(database); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof Collection<?> values) {
                    Array array = c.createArrayOf("text", values.stream().map(String::valueOf).toArray());
                    statement.setArray(i + 1, array);
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int col = 1; col <= columns; col++) {
                        row.add(rs.getString(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The first two columns of {@code sql} as a map: key to count, for {@code select key, count(*) ... group by key}. */
    public Map<String, Long> counts(String database, String sql, Object... parameters) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<String> row : rows(database, sql, parameters)) {
            counts.put(row.get(0), Long.parseLong(row.get(1)));
        }
        return counts;
    }

    public long count(String database, String sql, Object... parameters) throws SQLException {
        List<List<String>> rows = rows(database, sql, parameters);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0));
    }

    public String setting(String name) throws SQLException {
        return rows("postgres", "select current_setting(?)", name).get(0).get(0);
    }

    /** Waits until PostgreSQL answers a query on each database; false when it did not in time. */
    public boolean awaitReachable(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                for (String db : List.of("sessions", "messages", "threads")) {
                    rows(db, "select 1");
                }
                return true;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        return false;
    }
}
