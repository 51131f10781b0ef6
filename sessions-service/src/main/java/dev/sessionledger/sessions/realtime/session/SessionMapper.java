package dev.sessionledger.sessions.realtime.session;

import java.util.List;

import dev.sessionledger.sessions.realtime.meeting.SessionRow;
import dev.sessionledger.sessions.realtime.meeting.SessionSnapshot;

/** Maps a session read at one instant (a record, never a managed entity) to RealtimeKit's session object. */
public final class SessionMapper {

    private SessionMapper() {
    }

    public static SessionViews.Session session(SessionSnapshot snapshot, boolean withBreakoutRooms) {
        SessionRow s = snapshot.session();
        return new SessionViews.Session(s.id(), s.associatedId(), s.createdAt(), s.liveParticipants(),
                s.maxConcurrentParticipants(), s.meetingDisplayName(), snapshot.minutesConsumed(), s.appId(),
                s.startedAt(), s.status(), s.type(), s.updatedAt(), withBreakoutRooms ? List.of() : null,
                s.endedAt(), s.meta());
    }
}
