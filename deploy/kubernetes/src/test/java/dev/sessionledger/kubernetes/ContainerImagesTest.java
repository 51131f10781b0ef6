package dev.sessionledger.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Each service's (and the console's) Dockerfile.jvm agrees with its build and its Deployment: what it
 * copies exists after the build, it runs as the user the pod runs as, and it listens on the port the
 * probes call.
 */
class ContainerImagesTest {

    @ParameterizedTest
    @MethodSource("services")
    void the_image_matches_the_build_and_the_deployment(String service) throws Exception {
        Path module = ManifestChecks.PROJECT.resolve(service);
        List<String> lines = Files.readAllLines(module.resolve("src/main/docker/Dockerfile.jvm")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Deployment deployment = ManifestChecks.verify(ManifestChecks.render("overlays/prod"), ManifestChecks.Context.ofProject())
                .deployments().stream().filter(d -> d.getMetadata().getName().equals(service)).findFirst().orElseThrow();
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        String from = instruction(lines, "FROM").get(0);
        assertTrue(from.matches("[^:]+:[0-9][^ ]*"), "the base image has a fixed version: " + from);
        List<String> copies = instruction(lines, "COPY");
        assertFalse(copies.isEmpty());
        for (String copy : copies) {
            String[] words = copy.split("\\s+");
            String source = words[words.length - 2];
            assertTrue(matches(module, source) > 0, service + " build has no " + source);
        }
        String user = instruction(lines, "USER").get(0);
        assertTrue(user.matches("[1-9][0-9]*"), "a numeric non-root user: " + user);
        assertEquals(Long.parseLong(user), deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
        assertEquals(Integer.parseInt(instruction(lines, "EXPOSE").get(0)), app.getPorts().get(0).getContainerPort());
        String repository = app.getImage().replaceFirst("[:@][^/]*$", "");
        assertEquals(service, repository.substring(repository.lastIndexOf('/') + 1), "the image of " + service);
    }

    static List<String> services() {
        return ServiceDocs.workloads();
    }

    private static List<String> instruction(List<String> lines, String name) {
        List<String> found = new ArrayList<>();
        lines.stream().filter(l -> l.startsWith(name + " ")).forEach(l -> found.add(l.substring(name.length()).strip()));
        return found;
    }

    /** How many files or folders a COPY source names, with the one wildcard form the Dockerfiles use. */
    private static int matches(Path module, String source) throws IOException {
        Path path = module.resolve(source);
        String name = path.getFileName().toString();
        if (!name.contains("*")) {
            return Files.exists(path) ? 1 : 0;
        }
        int count = 0;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(path.getParent(), name)) {
            for (Path ignored : found) {
                count++;
            }
        }
        return count;
    }
}
