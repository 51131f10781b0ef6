package dev.sessionledger.threads.participants;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/**
 * The data source the participant reads go through in a test, recording each statement they
 * prepare: its text, the values bound to it, and the plan mode ({@code plan_cache_mode}) its
 * connection was in. The reads are plain statements, which Hibernate's statement inspector does
 * not see.
 */
final class RecordingDataSource {

    /** A statement as the reads sent it. */
    record Sent(String sql, List<Object> params, String planMode) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final DataSource recording;

    RecordingDataSource(DataSource real) {
        recording = proxy(DataSource.class, (self, method, args) -> {
            Object result = invoke(real, method, args);
            return result instanceof Connection connection ? recording(connection) : result;
        });
    }

    DataSource dataSource() {
        return recording;
    }

    /** The statements sent since the last call, emptying the record. */
    List<Sent> drain() {
        List<Sent> drained = List.copyOf(sent);
        sent.clear();
        return drained;
    }

    private Connection recording(Connection real) {
        return proxy(Connection.class, (self, method, args) -> {
            if (method.getName().equals("prepareStatement")) {
                String mode = planMode(real);
                PreparedStatement statement = (PreparedStatement) invoke(real, method, args);
                Map<Integer, Object> bound = new TreeMap<>();
                List<Object> params = new ArrayList<>();
                sent.add(new Sent((String) args[0], params, mode));
                return proxy(PreparedStatement.class, (s, m, a) -> {
                    if (m.getName().equals("setObject")) {
                        bound.put((Integer) a[0], a[1]);
                        params.clear();
                        params.addAll(bound.values());
                    }
                    return invoke(statement, m, a);
                });
            }
            return invoke(real, method, args);
        });
    }

    private static String planMode(Connection connection) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SHOW plan_cache_mode")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
