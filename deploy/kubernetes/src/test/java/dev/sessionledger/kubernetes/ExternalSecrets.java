package dev.sessionledger.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets an operator creates before applying the set, as the README's "Deploy to Kubernetes"
 * section documents them: a table row per Secret, its name and its keys in backticks.
 */
record ExternalSecrets(Map<String, Set<String>> keysBySecret) {

    private static final String SECTION = "## Deploy to Kubernetes";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9.-]+)`\\s*\\|([^|]*)\\|");
    private static final Pattern KEY = Pattern.compile("`([A-Za-z0-9._-]+)`");

    static ExternalSecrets fromReadme(Path readme) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section \"" + SECTION + "\"");
        }
        int end = text.indexOf("\n## ", start + SECTION.length());
        String section = text.substring(start, end < 0 ? text.length() : end);
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            Matcher row = ROW.matcher(line.strip());
            if (row.find()) {
                Set<String> keys = new LinkedHashSet<>();
                Matcher key = KEY.matcher(row.group(2));
                while (key.find()) {
                    keys.add(key.group(1));
                }
                secrets.put(row.group(1), keys);
            }
        }
        return new ExternalSecrets(secrets);
    }

    boolean documents(String secret, String key) {
        Set<String> keys = keysBySecret.get(secret);
        return keys != null && (key == null || keys.contains(key));
    }
}
