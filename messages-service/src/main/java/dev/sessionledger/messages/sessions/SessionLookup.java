package dev.sessionledger.messages.sessions;

/**
 * What sessions-service answered about a session reference: it exists, or the entity
 * ({@code session}, {@code session.provider}, {@code session.provider_run}) that does not.
 */
public record SessionLookup(boolean found, String missingEntity) {

    public static final String SESSION = "session";
    public static final String SERVER_SESSION = "session.provider";
    public static final String PROVIDER_RUN = "session.provider_run";

    public static final SessionLookup FOUND = new SessionLookup(true, null);

    public static SessionLookup missing(String entity) {
        return new SessionLookup(false, entity);
    }
}
