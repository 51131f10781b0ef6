package dev.sessionledger.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, exactly as {@code kubectl apply -k} would. */
final class Kustomize {

    private Kustomize() {
    }

    static String render(Path kustomization) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("kustomize", ".err");
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectError(errors.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl (1.27 or newer, which carries kustomize 5) must be on the PATH to "
                    + "render the Kubernetes manifests", e);
        }
        process.getOutputStream().close();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("kubectl kustomize " + kustomization + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("kubectl kustomize " + kustomization + " failed: " + Files.readString(errors).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
