package dev.sessionledger.threads.participants;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes thread participants, always within one tenant. */
@ApplicationScoped
public class ThreadParticipantRepository implements PanacheRepositoryBase<ThreadParticipant, UUID> {

    /** Whether {@code userId} takes part in the thread; served by {@code thread_participant_user_uq}. */
    public boolean isMember(String tenant, UUID threadId, String userId) {
        return find("tenantId = ?1 and threadId = ?2 and userId = ?3", tenant, threadId, userId)
                .page(0, 1).firstResultOptional().isPresent();
    }

    /**
     * The first {@code fetch} participants by id, of one thread or of the whole tenant; served by
     * {@code thread_participant_thread_idx} or {@code thread_participant_tenant_idx}.
     */
    public List<ThreadParticipant> firstByIdIn(String tenant, UUID threadId, int fetch) {
        return find(where(threadId) + " order by id", params(tenant, threadId)).page(0, fetch).list();
    }

    public long countIn(String tenant, UUID threadId) {
        return count(where(threadId), params(tenant, threadId));
    }

    private static String where(UUID threadId) {
        return threadId == null ? "tenantId = :tenant" : "tenantId = :tenant and threadId = :thread";
    }

    private static Map<String, Object> params(String tenant, UUID threadId) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        if (threadId != null) {
            params.put("thread", threadId);
        }
        return params;
    }
}
