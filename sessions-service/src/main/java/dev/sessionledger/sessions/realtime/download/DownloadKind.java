package dev.sessionledger.sessions.realtime.download;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.sessionledger.sessions.realtime.QueryValues;

/** What can be downloaded of a session, and in which formats. */
public enum DownloadKind {

    CHAT("chat", DownloadFormat.CSV, List.of(DownloadFormat.CSV)),
    TRANSCRIPT("transcript", DownloadFormat.CSV,
            List.of(DownloadFormat.SRT, DownloadFormat.VTT, DownloadFormat.JSON, DownloadFormat.CSV)),
    SUMMARY("summary", DownloadFormat.TEXT, List.of(DownloadFormat.TEXT, DownloadFormat.MARKDOWN));

    private final String token;
    private final DownloadFormat defaultFormat;
    private final List<DownloadFormat> formats;

    DownloadKind(String token, DownloadFormat defaultFormat, List<DownloadFormat> formats) {
        this.token = token;
        this.defaultFormat = defaultFormat;
        this.formats = formats;
    }

    /** Its name inside a signed link and in the downloaded file's name. */
    public String token() {
        return token;
    }

    public DownloadFormat defaultFormat() {
        return defaultFormat;
    }

    /** The formats it is offered in, in the order the API lists them. */
    public List<DownloadFormat> formats() {
        return formats;
    }

    /** The format a {@code format} query parameter asks for: one of its query values, or the default when absent. */
    public DownloadFormat format(List<String> values) {
        String chosen = QueryValues.choice("format", values, formats.stream().map(DownloadFormat::queryValue).toList(),
                defaultFormat.queryValue());
        return formats.stream().filter(f -> f.queryValue().equals(chosen)).findFirst().orElseThrow();
    }

    static Optional<DownloadKind> ofToken(String token) {
        return Arrays.stream(values()).filter(k -> k.token.equals(token)).findFirst();
    }
}
