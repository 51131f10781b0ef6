package dev.sessionledger.messages.sessions;

/** sessions-service gave no usable answer; the fault-tolerance policies count it as a failure. */
public class SessionsUnavailableException extends RuntimeException {

    public SessionsUnavailableException(String message) {
        super(message, null, false, false);
    }
}
