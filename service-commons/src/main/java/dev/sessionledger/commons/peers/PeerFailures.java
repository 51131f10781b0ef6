package dev.sessionledger.commons.peers;

import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.sessionledger.commons.errors.Failure;

/**
 * The one translation of a peer service's failure to answer (refused, timed out, breaker open, an
 * error status) into what the caller is told: the service this request depends on cannot answer
 * now, retry shortly. A peer's own answer about the request (a failure of the domain, such as a
 * not-found) passes through unchanged.
 */
public final class PeerFailures {

    /** How long a caller should wait: the circuit breakers' delay before they try the peer again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(PeerFailures.class);

    private PeerFailures() {
    }

    /**
     * @param what what the call was for, as the caller is told: "Sessions cannot be checked"
     */
    public static <T> T call(String peer, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (Failure answer) {
            throw answer;
        } catch (RuntimeException e) {
            LOG.warnf("%s did not answer: %s", peer, e.toString());
            throw Failure.unavailable(what + " right now; retry in " + RETRY_AFTER_SECONDS + " seconds",
                    RETRY_AFTER_SECONDS);
        }
    }
}
