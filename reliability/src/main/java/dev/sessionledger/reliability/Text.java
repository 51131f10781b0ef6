package dev.sessionledger.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small text and number helpers for logs and the table: the head of a long string, seconds, percentiles. */
public final class Text {

    private Text() {
    }

    /** At most {@code max} characters of {@code text} on one line, control characters shown as {@code \\uXXXX}. */
    public static String head(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > max) {
            out.append("... (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }

    /** {@code 200=95, 201=523}: counts by key, in the map's order. */
    public static String counts(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return out.toString();
    }

    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    /** The {@code p}-th percentile (0..100) by nearest rank; NaN for no values. */
    public static double percentile(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public static double max(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
