package dev.sessionledger.commons.persistence;

import jakarta.persistence.EntityManager;

/**
 * The plan a statement runs. The services' connections run generic plans (the datasource's
 * {@code plan_cache_mode}); a statement whose generic plan is worse than the one planned for its
 * values, as EXPLAIN shows, asks for custom plans around it.
 */
public final class QueryPlanning {

    private QueryPlanning() {
    }

    /**
     * Plans the rest of the current transaction's statements for their values. Must run inside a
     * transaction: the setting ends with it, so the pooled connection goes back with generic plans.
     */
    public static void customPlans(EntityManager entityManager) {
        entityManager.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
    }
}
