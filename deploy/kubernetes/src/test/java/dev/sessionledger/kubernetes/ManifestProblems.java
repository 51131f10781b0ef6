package dev.sessionledger.kubernetes;

import java.util.List;

/** What is wrong with a rendered set, every problem on its own line. */
final class ManifestProblems extends RuntimeException {

    private final List<String> problems;

    ManifestProblems(List<String> problems) {
        super(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
