package dev.sessionledger.kubernetes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sessionledger.local.IngressRoutes;

/** Every check of a rendered set, needing no cluster: strict models first, then the invariants. */
final class ManifestChecks {

    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    static final Path KUBERNETES = PROJECT.resolve("deploy/kubernetes");

    /** What the manifests are checked against: the services' own documents, the README, the local gateway's routes. */
    record Context(ServiceDocs docs, ExternalSecrets externalSecrets, IngressRoutes gatewayRoutes) {

        static Context ofProject() throws IOException {
            return new Context(ServiceDocs.read(PROJECT), ExternalSecrets.fromReadme(PROJECT.resolve("README.md")),
                    IngressRoutes.load(KUBERNETES.resolve("base/ingress.yaml")));
        }
    }

    private ManifestChecks() {
    }

    static Manifests render(String kustomization) throws IOException, InterruptedException {
        return Manifests.parse(Kustomize.render(KUBERNETES.resolve(kustomization)));
    }

    /** The set in its models when every check passes; otherwise every problem found, in one exception. */
    static Rendered verify(Manifests manifests, Context context) {
        Rendered set = StrictModels.read(manifests);
        List<String> problems = new ArrayList<>(WorkloadChecks.check(set, context.docs(), context.externalSecrets()));
        problems.addAll(NetworkChecks.check(set, context.docs(), context.gatewayRoutes()));
        problems.addAll(EgressChecks.check(set));
        problems.addAll(IngressChecks.check(set));
        if (!problems.isEmpty()) {
            throw new ManifestProblems(problems);
        }
        return set;
    }
}
