package dev.sessionledger.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** A process the {@link Supervisor} keeps running: it can be started again, the same way, whenever it dies. */
public interface Supervised {

    /** The name the stack's log and its pid file go by. */
    String name();

    /** Starts a new run; returns once the process exists, ready or not. */
    Running start() throws IOException;

    /** Where its output goes, to point at when it fails. */
    default Optional<Path> log() {
        return Optional.empty();
    }

    /** One run of a supervised process. */
    interface Running {

        long pid();

        boolean isAlive();

        /** One readiness check, made only while it is alive. */
        boolean isReady();

        /** How the run ended, for the log, such as "exited with code 137". */
        String exit();

        /** Stops the run, or releases what it held if it has died already. */
        void stop();
    }
}
