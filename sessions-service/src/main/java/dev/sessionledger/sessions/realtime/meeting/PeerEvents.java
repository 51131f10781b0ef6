package dev.sessionledger.sessions.realtime.meeting;

import java.time.Instant;
import java.util.List;

import dev.sessionledger.commons.ids.PrefixedId;

/** Builds the events a peer's join and leave record. */
public final class PeerEvents {

    private PeerEvents() {
    }

    public static PeerEvent of(RealtimeParticipant p, String name, Instant at, String presetViewType, String socketSessionId) {
        PeerEvent e = new PeerEvent();
        e.id = PrefixedId.newUuid();
        e.tenantId = p.tenantId;
        e.sessionId = p.sessionId;
        e.peerId = p.id;
        e.eventName = name;
        e.presetViewType = presetViewType;
        e.socketSessionId = socketSessionId;
        e.createdAt = at;
        return e;
    }

    /**
     * The leaving event carries the minutes the stay consumed, and the view type and socket of the
     * peer's joining event (null when it has none).
     */
    public static PeerEvent leaving(RealtimeParticipant p, List<PeerEventRow> history) {
        PeerEventRow joining = history.stream().filter(e -> PeerEvent.JOINING.equals(e.eventName())).findFirst()
                .orElse(null);
        PeerEvent e = of(p, PeerEvent.LEAVING, p.leftAt, joining == null ? null : joining.presetViewType(),
                joining == null ? null : joining.socketSessionId());
        e.minutesConsumed = p.durationMinutes;
        return e;
    }
}
