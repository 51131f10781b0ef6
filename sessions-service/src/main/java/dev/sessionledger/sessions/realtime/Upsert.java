package dev.sessionledger.sessions.realtime;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Type;

import org.hibernate.Session;
import org.hibernate.query.MutationQuery;

/**
 * Writes a record that replaces the one of the same key in one statement ({@code insert ... on
 * conflict do update}): a look-up and then an insert would let two first writes of a key both
 * miss, and the second insert fail on the key.
 */
public final class Upsert {

    private Upsert() {
    }

    /**
     * @param key the attributes of the entity's primary key
     * @param values every attribute to write, key included, by name
     */
    public static void replace(EntityManager em, Class<?> entity, List<String> key, Map<String, Object> values) {
        List<String> attributes = List.copyOf(values.keySet());
        String hql = "insert into " + entity.getSimpleName() + " (" + String.join(", ", attributes) + ") values ("
                + attributes.stream().map(a -> ":" + a).collect(Collectors.joining(", ")) + ") on conflict ("
                + String.join(", ", key) + ") do update set " + attributes.stream().filter(a -> !key.contains(a))
                        .map(a -> a + " = excluded." + a).collect(Collectors.joining(", "));
        MutationQuery query = em.unwrap(Session.class).createMutationQuery(hql);
        EntityType<?> type = em.getMetamodel().entity(entity);
        values.forEach((attribute, value) -> {
            if (key.contains(attribute)) {
                query.setParameter(attribute, value);
            } else {
                // Hibernate does not type a value of an insert by its target attribute: a JSON
                // attribute would be bound as serialized bytes.
                bind(query, attribute, value, type.getSingularAttribute(attribute).getType());
            }
        });
        query.executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static <T> void bind(MutationQuery query, String attribute, Object value, Type<T> type) {
        query.setParameter(attribute, (T) value, type);
    }
}
