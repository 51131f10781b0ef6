package dev.sessionledger.sessions.realtime;

import java.util.UUID;

import jakarta.ws.rs.PathParam;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.Uuids;

/** The path of one session, {@code /accounts/{account_id}/realtime/kit/{app_id}/sessions/{session_id}}. */
public class SessionPath {

    /** The sessions of one app. */
    public static final String SESSIONS = "/accounts/{account_id}/realtime/kit/{app_id}/sessions";
    /** One session, and the class path of every resource below it. */
    public static final String SESSION_PATH = SESSIONS + "/{session_id}";

    private static final String SESSION = "session";

    @PathParam("account_id")
    String accountId;

    @PathParam("app_id")
    String appId;

    @PathParam("session_id")
    String sessionId;

    /** The caller's scope; another account is a 404. */
    public RealtimeScope scope(Caller caller) {
        return RealtimeScope.of(caller, accountId, appId);
    }

    /** The session id; a malformed one is a 404, as it names nothing that exists. */
    public UUID sessionId() {
        return Uuids.existing(sessionId, SESSION);
    }

    public Failure notFound() {
        return Failure.notFound(SESSION, sessionId);
    }
}
