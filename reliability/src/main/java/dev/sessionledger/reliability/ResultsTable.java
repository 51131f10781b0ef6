package dev.sessionledger.reliability;

import java.util.ArrayList;
import java.util.List;

/** The figures of a run, one row each with its target and whether it was met, rendered as the markdown table the summary prints. */
public final class ResultsTable {

    /** How a figure stands against its target. */
    public enum Verdict {
        MET("met"), MISSED("**missed**"), INFO(""), NOT_RUN("**not run**");

        private final String shown;

        Verdict(String shown) {
            this.shown = shown;
        }
    }

    /** One row: {@code target} is empty for a figure reported for information. */
    public record Figure(String scenario, String name, String value, String target, Verdict verdict) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A figure with a target; {@code met} says whether the measured value reaches it. */
    public synchronized void add(String scenario, String name, Object value, String target, boolean met) {
        figures.add(new Figure(scenario, name, String.valueOf(value), target, met ? Verdict.MET : Verdict.MISSED));
    }

    /** A figure without a target, reported so that the others can be read. */
    public synchronized void info(String scenario, String name, Object value) {
        figures.add(new Figure(scenario, name, String.valueOf(value), "", Verdict.INFO));
    }

    /** A scenario that could not be measured; it counts as missed, since nothing shows its targets are reached. */
    public synchronized void notRun(String scenario, String reason) {
        figures.add(new Figure(scenario, "not run", reason, "", Verdict.NOT_RUN));
    }

    /** A paragraph for the summary's list of what failed and why: one example request per failure class. */
    public synchronized void note(String scenario, String text) {
        notes.add("- **" + scenario + "**: " + text);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized boolean anyMissed() {
        return figures.stream().anyMatch(f -> f.verdict() == Verdict.MISSED || f.verdict() == Verdict.NOT_RUN);
    }

    public synchronized List<Figure> missed() {
        return figures.stream().filter(f -> f.verdict() == Verdict.MISSED || f.verdict() == Verdict.NOT_RUN).toList();
    }

    public synchronized String markdown() {
        StringBuilder out = new StringBuilder("| scenario | figure | measured | target | |\n|---|---|---|---|---|\n");
        String last = null;
        for (Figure f : figures) {
            out.append("| ").append(f.scenario().equals(last) ? "" : f.scenario())
                    .append(" | ").append(cell(f.name()))
                    .append(" | ").append(cell(f.value()))
                    .append(" | ").append(cell(f.target()))
                    .append(" | ").append(f.verdict().shown).append(" |\n");
            last = f.scenario();
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
