package dev.sessionledger.sessions.realtime.meeting;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.sessionledger.commons.persistence.RowSelect;
import dev.sessionledger.commons.persistence.Sql;
import dev.sessionledger.commons.persistence.SqlReads;
import dev.sessionledger.sessions.realtime.RealtimeKey;

/** Peer events, fetched for a whole page of peers at once. */
@ApplicationScoped
public class PeerEventRepository implements PanacheRepositoryBase<PeerEvent, RealtimeKey> {

    private static final RowSelect<PeerEventRow> ROWS = RowSelect.of(PeerEventRow.class, PeerEvent.class);

    @Inject
    SqlReads reads;

    /**
     * Each peer's events in time order, read into records by one plain statement served by
     * {@code rtk_peer_event_peer_idx} (for one peer in the index's order).
     */
    public Map<UUID, List<PeerEventRow>> byPeer(String tenant, Collection<UUID> peerIds) {
        if (peerIds.isEmpty()) {
            return Map.of();
        }
        Sql peers = Sql.bound("tenant_id = ? and ", tenant).append(Sql.anyOf("peer_id", peerIds));
        return ROWS.where(reads, peers.append(" order by created_at, id")).stream()
                .collect(Collectors.groupingBy(PeerEventRow::peerId, LinkedHashMap::new, Collectors.toList()));
    }
}
