package dev.sessionledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        expected.put("/webhooks/realtimekit/6f1c2a52-5d1e-4c39-9d7e-2f4a61b0c7de", "sessions-service");
        expected.put("/api/thread-participants", "threads-service");
        expected.put("/api/thread-participants/123", "threads-service");
        expected.put("/api/threads", "threads-service");
        expected.put("/api/threads/123", "threads-service");
        expected.put("/mcp/pro_1", "mcp-gateway");
        expected.put("/MCP/pro_1", "mcp-gateway");
        expected.forEach((path, service) -> assertEquals(Optional.of(service), routes.serviceFor(path), path));
    }

    @Test
    void reads_every_ingress_of_the_manifest_each_route_with_its_own() throws Exception {
        IngressRoutes routes = IngressRoutes.load(MANIFEST);
        assertEquals(List.of("sessionledger-mcp"), routes.routes().stream().filter(r -> r.service().equals("mcp-gateway"))
                .map(IngressRoutes.Route::ingress).toList());
        assertEquals(Set.of("sessionledger"), routes.routes().stream().filter(r -> !r.service().equals("mcp-gateway"))
                .map(IngressRoutes.Route::ingress).collect(Collectors.toSet()));
    }

    @Test
    void refuses_a_manifest_with_anything_but_ingress_objects(@TempDir Path folder) throws Exception {
        Path manifest = folder.resolve("ingress.yaml");
        Files.writeString(manifest, Files.readString(MANIFEST) + "\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: x\n");
        IOException refused = assertThrows(IOException.class, () -> IngressRoutes.load(manifest));
        assertTrue(refused.getMessage().contains("holds a Service"), refused.getMessage());
    }

    @Test
    void leaves_internal_platform_and_lookalike_paths_unrouted() throws Exception {
        IngressRoutes routes = IngressRoutes.load(MANIFEST);
        for (String path : new String[] {"/internal/mcp/sessions/ses_1", "/internal/providers/pro_1", "/q/health/ready", "/sessionsx", "/providersx",
                "/session-participantsx", "/api/threadsx", "/", "/messages", "/sessions/ses_1/messagesx", "/mcp", "/mcp/",
                "/mcp/pro_1/", "/mcp/pro_1/tools", "/mcpx/pro_1"}) {
            Optional<String> service = routes.serviceFor(path);
            if (path.equals("/sessions/ses_1/messagesx")) {
                assertEquals(Optional.of("sessions-service"), service, path);
            } else {
                assertEquals(Optional.empty(), service, path);
            }
        }
    }
}
