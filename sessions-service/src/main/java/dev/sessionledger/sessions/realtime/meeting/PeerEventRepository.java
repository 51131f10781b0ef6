package dev.sessionledger.sessions.realtime.meeting;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.sessionledger.sessions.realtime.RealtimeKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Peer events, fetched for a whole page of peers at once. */
@ApplicationScoped
public class PeerEventRepository implements PanacheRepositoryBase<PeerEvent, RealtimeKey> {

    /**
     * Each peer's events in time order, read into records by one query served by
     * {@code rtk_peer_event_peer_idx}.
     */
    public Map<UUID, List<PeerEventRow>> byPeer(String tenant, Collection<UUID> peerIds) {
        if (peerIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery(PeerEventRow.SELECT
                + " where e.tenantId = :tenant and e.peerId in :peers order by e.createdAt, e.id", PeerEventRow.class)
                .setParameter("tenant", tenant).setParameter("peers", peerIds).getResultList().stream()
                .collect(Collectors.groupingBy(PeerEventRow::peerId, LinkedHashMap::new, Collectors.toList()));
    }
}
