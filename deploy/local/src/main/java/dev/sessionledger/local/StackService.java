package dev.sessionledger.local;

/**
 * The services of the stack, each named once: its module and Ingress backend name, its database,
 * the variable that sets its port and its default, and the variable that tells its peers where it is.
 */
enum StackService {

    SESSIONS("sessions-service", "sessions", "SESSIONS_PORT", 8081, "SESSIONS_SERVICE_URL"),
    MESSAGES("messages-service", "messages", "MESSAGES_PORT", 8082, "MESSAGES_SERVICE_URL"),
    THREADS("threads-service", "threads", "THREADS_PORT", 8083, "THREADS_SERVICE_URL");

    private final String serviceName;
    private final String database;
    private final String portVariable;
    private final int defaultPort;
    private final String urlVariable;

    StackService(String serviceName, String database, String portVariable, int defaultPort, String urlVariable) {
        this.serviceName = serviceName;
        this.database = database;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.urlVariable = urlVariable;
    }

    /** The module, the process and the Ingress backend: {@code sessions-service}. */
    String serviceName() {
        return serviceName;
    }

    String database() {
        return database;
    }

    String portVariable() {
        return portVariable;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** The variable a peer reads this service's base URL from. */
    String urlVariable() {
        return urlVariable;
    }
}
