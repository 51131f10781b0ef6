package dev.sessionledger.local;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The services of the stack, each named once: its module and Ingress backend name, its database,
 * the variable that sets its port and its default, and the variable that tells its peers where it is.
 */
enum StackService {

    SESSIONS("sessions-service", "sessions", "SESSIONS_PORT", 8081, "SESSIONS_SERVICE_URL"),
    MESSAGES("messages-service", "messages", "MESSAGES_PORT", 8082, "MESSAGES_SERVICE_URL"),
    THREADS("threads-service", "threads", "THREADS_PORT", 8083, "THREADS_SERVICE_URL"),
    /** No database of its own: it records through sessions-service and messages-service. */
    MCP_GATEWAY("mcp-gateway", null, "MCP_GATEWAY_PORT", 8084, "MCP_GATEWAY_URL"),
    /** The web console: pages only; the browser reads the APIs through the gateway with the user's token. */
    CONSOLE("console", null, "CONSOLE_PORT", 8085, "CONSOLE_URL");

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

    /** Its database, or none for a service that keeps no data of its own. */
    Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The databases of the stack's services, in their order. */
    static List<String> databases() {
        return Arrays.stream(values()).flatMap(s -> s.database().stream()).toList();
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
