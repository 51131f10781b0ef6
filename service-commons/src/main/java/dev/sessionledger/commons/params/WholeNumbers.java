package dev.sessionledger.commons.params;

import dev.sessionledger.commons.errors.Failure;

/** Reads bounded whole-number parameters (limits, page numbers), answering a 400 that names the parameter. */
public final class WholeNumbers {

    private WholeNumbers() {
    }

    /**
     * @param text     the parameter as given, or null when absent
     * @param fallback the value when absent
     */
    public static int parse(String name, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below with the same message as an out-of-range number
        }
        throw Failure.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
