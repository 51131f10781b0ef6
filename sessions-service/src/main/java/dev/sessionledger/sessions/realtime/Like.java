package dev.sessionledger.sessions.realtime;

import java.util.Locale;

/** Turns search text into a case-insensitive LIKE pattern whose wildcards are literal ({@code escape '!'}). */
public final class Like {

    private Like() {
    }

    public static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
