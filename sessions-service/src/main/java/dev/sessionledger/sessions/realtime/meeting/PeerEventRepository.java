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

    /** Each peer's events in time order, from one query served by {@code rtk_peer_event_peer_idx}. */
    public Map<UUID, List<PeerEvent>> byPeer(String tenant, Collection<UUID> peerIds) {
        if (peerIds.isEmpty()) {
            return Map.of();
        }
        return list("tenantId = ?1 and peerId in ?2 order by createdAt, id", tenant, peerIds).stream()
                .collect(Collectors.groupingBy(e -> e.peerId, LinkedHashMap::new, Collectors.toList()));
    }
}
