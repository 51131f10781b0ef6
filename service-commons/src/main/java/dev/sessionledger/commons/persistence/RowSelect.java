package dev.sessionledger.commons.persistence;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads rows of an entity's table into a record by plain statements ({@link SqlReads}): each
 * component of the record is named as the entity attribute it holds, and is read from that
 * attribute's column by its position, so a read makes no entity, opens no session and translates
 * no query. The statement's text and the way to read each column are made once, when the read is
 * declared. Conditions are SQL over the table's columns, their values bound in order to {@code ?}.
 *
 * @param <R> a record whose components are, in order, attributes of the entity
 */
public final class RowSelect<R extends Record> {

    /** JSON columns read into maps the way they were written: objects keep their keys' order. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** How a column is read for each type a component may have. */
    private static final Map<Class<?>, ColumnReader> READERS = Map.of(
            UUID.class, (rows, i) -> rows.getObject(i, UUID.class),
            String.class, ResultSet::getString,
            Instant.class, SqlReads::instant,
            int.class, ResultSet::getInt,
            long.class, ResultSet::getLong,
            boolean.class, ResultSet::getBoolean,
            BigDecimal.class, ResultSet::getBigDecimal,
            byte[].class, ResultSet::getBytes,
            Map.class, RowSelect::jsonObject);

    private final String select;
    private final SqlReads.RowReader<R> reader;

    private RowSelect(String select, SqlReads.RowReader<R> reader) {
        this.select = select;
        this.reader = reader;
    }

    /** The rows of {@code entity}'s table read as {@code row}s. */
    public static <R extends Record> RowSelect<R> of(Class<R> row, Class<?> entity) {
        RecordComponent[] components = row.getRecordComponents();
        String columns = Arrays.stream(components).map(c -> column(entity, c.getName()))
                .collect(Collectors.joining(", "));
        List<ColumnReader> readers = Arrays.stream(components).map(c -> reader(row, c)).toList();
        MethodHandle constructor = constructor(row, components);
        SqlReads.RowReader<R> reader = rows -> {
            Object[] values = new Object[readers.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = readers.get(i).read(rows, i + 1);
            }
            return instance(row, constructor, values);
        };
        return new RowSelect<>("select " + columns + " from " + table(entity), reader);
    }

    /** The rows where {@code condition} holds, in the order and up to the limit it may end with. */
    public List<R> where(SqlReads reads, Sql condition) {
        return reads.list(Sql.of(select + " where ").append(condition), reader);
    }

    /** The first row where {@code condition} holds, its values bound in order to its {@code ?}s. */
    public Optional<R> one(SqlReads reads, String condition, Object... values) {
        return reads.first(new Sql(select + " where " + condition, List.of(values)), reader);
    }

    /** The row with this id, if it is the tenant's: one primary-key read, for a table with {@code tenant_id}. */
    public Optional<R> inTenant(SqlReads reads, String tenant, UUID id) {
        return one(reads, "tenant_id = ? and id = ?", tenant, id);
    }

    /** One column's value of the current row, read as the component's type. */
    @FunctionalInterface
    private interface ColumnReader {
        Object read(ResultSet rows, int column) throws SQLException;
    }

    private static ColumnReader reader(Class<?> row, RecordComponent component) {
        ColumnReader reader = READERS.get(component.getType());
        if (reader == null) {
            throw new IllegalArgumentException(row.getName() + "." + component.getName()
                    + " has a type rows cannot hold: " + component.getType().getName());
        }
        return reader;
    }

    private static Map<?, ?> jsonObject(ResultSet rows, int column) throws SQLException {
        String text = rows.getString(column);
        try {
            return text == null ? null : JSON.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("A JSON column holds no JSON object", e);
        }
    }

    private static MethodHandle constructor(Class<?> row, RecordComponent[] components) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return MethodHandles.publicLookup().findConstructor(row, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(row.getName() + " has no public canonical constructor", e);
        }
    }

    private static <R> R instance(Class<R> row, MethodHandle constructor, Object[] values) {
        try {
            return row.cast(constructor.invokeExact(values));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Building a " + row.getSimpleName() + " failed", e);
        }
    }

    private static String table(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        if (table == null || table.name().isEmpty()) {
            throw new IllegalArgumentException(entity.getName() + " names no table");
        }
        return table.name();
    }

    /** The column of an attribute: the name its mapping gives, else the attribute's name in snake case. */
    private static String column(Class<?> entity, String attribute) {
        for (Class<?> type = entity; type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(attribute);
                Column column = field.getAnnotation(Column.class);
                return column != null && !column.name().isEmpty() ? column.name()
                        : attribute.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
            } catch (NoSuchFieldException e) {
                // declared by a superclass
            }
        }
        throw new IllegalArgumentException(entity.getName() + " has no attribute " + attribute);
    }
}
