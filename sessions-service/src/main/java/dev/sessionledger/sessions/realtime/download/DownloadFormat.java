package dev.sessionledger.sessions.realtime.download;

import java.util.Arrays;
import java.util.Optional;

/** A format a download is served in: how the API's {@code format} parameter and a link name it, and what it is served as. */
public enum DownloadFormat {

    CSV("CSV", "csv", "text/csv; charset=utf-8", "csv"),
    JSON("JSON", "json", "application/json; charset=utf-8", "json"),
    SRT("SRT", "srt", "application/x-subrip; charset=utf-8", "srt"),
    VTT("VTT", "vtt", "text/vtt; charset=utf-8", "vtt"),
    TEXT("text", "text", "text/plain; charset=utf-8", "txt"),
    MARKDOWN("markdown", "markdown", "text/markdown; charset=utf-8", "md");

    private final String queryValue;
    private final String token;
    private final String mediaType;
    private final String extension;

    DownloadFormat(String queryValue, String token, String mediaType, String extension) {
        this.queryValue = queryValue;
        this.token = token;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The value of the {@code format} query parameter that asks for it. */
    public String queryValue() {
        return queryValue;
    }

    /** Its name inside a signed link. */
    public String token() {
        return token;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension of the downloaded file's name. */
    public String extension() {
        return extension;
    }

    static Optional<DownloadFormat> ofToken(String token) {
        return Arrays.stream(values()).filter(f -> f.token.equals(token)).findFirst();
    }
}
