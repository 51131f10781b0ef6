package dev.sessionledger.sessions.realtime.download;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.sessionledger.commons.auth.HmacSigner;
import dev.sessionledger.commons.errors.Failure;
import dev.sessionledger.commons.ids.Uuids;
import dev.sessionledger.sessions.realtime.RealtimeConfig;
import dev.sessionledger.sessions.realtime.RealtimeScope;
import io.quarkus.runtime.Startup;

/**
 * Signs and checks download links. Like a presigned object-store URL, the link is its own
 * authorization: tenant, app, session, kind, format and expiry are all inside the HMAC, so
 * changing any of them, or the expiry, breaks the signature.
 */
@ApplicationScoped
@Startup
public class DownloadLinks {

    public static final String PATH = "/downloads/realtime/";

    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final HmacSigner signer;
    private final String baseUrl;
    private final Duration ttl;
    private final Clock clock;

    /** A link and the moment it stops working. */
    public record Link(String url, Instant expiresAt) {
    }

    /** What a valid link grants: one download of one session's content in one format. */
    public record Grant(RealtimeScope scope, UUID sessionId, DownloadKind kind, DownloadFormat format) {
    }

    @Inject
    public DownloadLinks(RealtimeConfig config, Clock clock) {
        this.clock = clock;
        RealtimeConfig.Downloads downloads = config.downloads();
        signer = HmacSigner.fromSecret(downloads.secret(), "realtime.downloads.secret (REALTIME_DOWNLOADS_SECRET) is "
                + "not set: download links are signed with a random key and stop working when this process stops or "
                + "on other replicas");
        String base = downloads.baseUrl();
        baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        ttl = downloads.ttl();
    }

    public Link sign(RealtimeScope scope, UUID sessionId, DownloadKind kind, DownloadFormat format) {
        Instant expires = Instant.now(clock).plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String payload = String.join(".", VERSION, encode(scope.tenant()), encode(scope.appId()),
                sessionId.toString(), kind.token(), format.token(), Long.toString(expires.getEpochSecond()));
        return new Link(baseUrl + PATH + payload + "." + signature(payload), expires);
    }

    /** The grant of a link, or a 403 (altered or malformed) or 410 (expired). */
    public Grant verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 8 || !VERSION.equals(parts[0])) {
            throw forbidden();
        }
        String payload = token.substring(0, token.lastIndexOf('.'));
        // Compared as text: a base64 decoder ignores the unused low bits of the last character.
        byte[] expected = signature(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[7].getBytes(StandardCharsets.US_ASCII))) {
            throw forbidden();
        }
        long expiry;
        try {
            expiry = Long.parseLong(parts[6]);
        } catch (NumberFormatException e) {
            throw forbidden();
        }
        if (Instant.now(clock).getEpochSecond() > expiry) {
            throw Failure.of(Failure.Kind.GONE, "This download link has expired; ask the API for a new one");
        }
        DownloadKind kind = DownloadKind.ofToken(parts[4]).orElse(null);
        DownloadFormat format = DownloadFormat.ofToken(parts[5]).orElse(null);
        UUID sessionId = Uuids.parse(parts[3]).orElse(null);
        if (kind == null || !kind.formats().contains(format) || sessionId == null) {
            throw forbidden();
        }
        return new Grant(new RealtimeScope(decode(parts[1]), decode(parts[2])), sessionId, kind, format);
    }

    private String signature(String payload) {
        return B64.encodeToString(signer.sign(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static Failure forbidden() {
        return Failure.forbidden("This download link is not valid");
    }

    private static String encode(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(B64_DECODE.decode(text), StandardCharsets.UTF_8);
    }
}
