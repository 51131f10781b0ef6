package dev.sessionledger.commons.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * The entities Hibernate loads while a request runs, counted by its statistics
 * ({@code %test.quarkus.hibernate-orm.statistics=true}): a read path that builds records from its
 * rows loads none, while one that reads entities loads one per row. Counted per entity, so that a
 * background job loading other entities at the same moment does not count. That the request read
 * anything at all is seen by the service's {@link StatementRecorder}, which sees Hibernate's
 * statements and the plain reads alike.
 */
public final class EntityLoads {

    private EntityLoads() {
    }

    /** Asserts {@code request} ran statements but loaded none of {@code entities}. */
    public static void assertNone(EntityManagerFactory factory, StatementRecorder statements, Runnable request,
            Class<?>... entities) {
        Statistics statistics = factory.unwrap(SessionFactory.class).getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "Hibernate statistics are off");
        long loadedBefore = loads(statistics, entities);
        assertFalse(statements.during(request).isEmpty(), "the request ran no statement");
        assertEquals(0, loads(statistics, entities) - loadedBefore,
                "entities loaded among " + Arrays.stream(entities).map(Class::getSimpleName).toList());
    }

    private static long loads(Statistics statistics, Class<?>... entities) {
        return Arrays.stream(entities).mapToLong(e -> statistics.getEntityStatistics(e.getName()).getLoadCount()).sum();
    }
}
