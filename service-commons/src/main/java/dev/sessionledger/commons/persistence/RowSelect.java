package dev.sessionledger.commons.persistence;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;

import org.hibernate.query.QueryProducer;
import org.hibernate.query.SelectionQuery;

/**
 * Reads rows of an entity's table into a record: the query selects the record's components, each
 * named as the entity attribute it holds, and Hibernate builds the record from those columns, so a
 * read makes no entity, no snapshot for dirty checking and no persistence-context entry. The query
 * text is made once, when the read is declared.
 *
 * @param <R> a record whose components are, in order, attributes of the entity
 */
public final class RowSelect<R extends Record> {

    private final Class<R> type;
    private final String select;

    private RowSelect(Class<R> type, String select) {
        this.type = type;
        this.select = select;
    }

    /** The rows of {@code entity} read as {@code row}s. */
    public static <R extends Record> RowSelect<R> of(Class<R> row, Class<?> entity) {
        String attributes = Arrays.stream(row.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.joining(", "));
        return new RowSelect<>(row, "select " + attributes + " from " + entityName(entity));
    }

    /** The rows where {@code condition} holds: HQL over the entity's attributes, its values bound by name. */
    public SelectionQuery<R> where(QueryProducer session, String condition) {
        return session.createSelectionQuery(select + " where " + condition, type);
    }

    /** The one row where {@code condition} holds, its values bound in order to {@code ?1}, {@code ?2}, ... */
    public Optional<R> one(QueryProducer session, String condition, Object... values) {
        SelectionQuery<R> query = where(session, condition);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query.uniqueResultOptional();
    }

    /** The row with this id, if it is the tenant's: one primary-key read, for an entity with {@code tenantId}. */
    public Optional<R> inTenant(QueryProducer session, String tenant, UUID id) {
        return one(session, "tenantId = ?1 and id = ?2", tenant, id);
    }

    private static String entityName(Class<?> entity) {
        Entity mapped = entity.getAnnotation(Entity.class);
        if (mapped == null) {
            throw new IllegalArgumentException(entity.getName() + " is not an entity");
        }
        return mapped.name().isEmpty() ? entity.getSimpleName() : mapped.name();
    }
}
