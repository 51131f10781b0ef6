package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Reads the real Ingress manifest: these are the routes the cluster and the local gateway both apply. */
class IngressRoutesTest {

    private static final Path MANIFEST = Path.of("../kubernetes/base/ingress.yaml");

    @Test
    void routes_every_public_path_to_the_service_design_names() throws Exception {
        IngressRoutes routes = IngressRoutes.load(MANIFEST);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/sessions", "sessions-service");
        expected.put("/sessions/", "sessions-service");
        expected.put("/sessions/ses_1", "sessions-service");
        expected.put("/sessions/ses_1/connections", "sessions-service");
        expected.put("/sessions/ses_1/end", "sessions-service");
        expected.put("/sessions/ses_1/messages", "messages-service");
        expected.put("/sessions/ses_1/messages/", "messages-service");
        expected.put("/sessions/ses_1/messages/smg_2", "messages-service");
        expected.put("/session-participants", "sessions-service");
        expected.put("/session-participants/spt_1", "sessions-service");
        expected.put("/providers", "sessions-service");
        expected.put("/providers/pro_1", "sessions-service");
        expected.put("/accounts/demo/realtime/kit/app/sessions", "sessions-service");
        expected.put("/downloads/abc", "sessions-service");
        expected.put("/api/thread-participants", "threads-service");
        expected.put("/api/thread-participants/123", "threads-service");
        expected.put("/api/threads", "threads-service");
        expected.put("/api/threads/123", "threads-service");
        expected.forEach((path, service) -> assertEquals(Optional.of(service), routes.serviceFor(path), path));
    }

    @Test
    void leaves_internal_platform_and_lookalike_paths_unrouted() throws Exception {
        IngressRoutes routes = IngressRoutes.load(MANIFEST);
        for (String path : new String[] {"/internal/mcp/sessions/ses_1", "/internal/providers/pro_1", "/q/health/ready", "/sessionsx", "/providersx",
                "/session-participantsx", "/api/threadsx", "/", "/messages", "/sessions/ses_1/messagesx"}) {
            Optional<String> service = routes.serviceFor(path);
            if (path.equals("/sessions/ses_1/messagesx")) {
                assertEquals(Optional.of("sessions-service"), service, path);
            } else {
                assertEquals(Optional.empty(), service, path);
            }
        }
    }
}
