package dev.sessionledger.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** The raw logs of a run, one file per scenario in the results directory, and the progress lines on the console. */
public final class RunLog implements AutoCloseable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Path directory;
    private final Map<String, PrintWriter> files = new HashMap<>();

    public RunLog(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Appends a line to {@code <name>.log}. */
    public synchronized void line(String name, String text) {
        files.computeIfAbsent(name, n -> {
            try {
                return new PrintWriter(Files.newBufferedWriter(directory.resolve(n + ".log"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).println(text);
    }

    /** A progress line on the console, also kept in {@code suite.log}. */
    public void say(String text) {
        String line = "[fault " + LocalTime.now(ZoneOffset.UTC).format(CLOCK) + "] " + text;
        System.out.println(line);
        line("suite", line);
    }

    @Override
    public synchronized void close() {
        files.values().forEach(PrintWriter::close);
        files.clear();
    }
}
