package dev.sessionledger.console;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;

/**
 * Headers on every answer of the console: scripts only from the console itself, API calls only to
 * this origin (and the OpenID Connect issuer, when one is set), never framed, no referrer that
 * could carry a URL out, and pages that are not cached so a new build is seen at once.
 */
public class SecurityHeaders {

    @Inject
    ConsoleConfig config;

    void install(@Observes StartupEvent start, Router router) {
        if (config.oidc().issuer().isPresent() && config.oidc().clientId().isEmpty()) {
            throw new IllegalStateException("CONSOLE_OIDC_ISSUER is set without CONSOLE_OIDC_CLIENT_ID");
        }
        String connect = config.oidc().issuer().map(issuer -> "'self' " + ConsoleSettingsResource.origin(issuer))
                .orElse("'self'");
        // ECharts positions its tooltip with inline style attributes; scripts stay strictly 'self'.
        String policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src " + connect + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        router.route().order(-100).handler(context -> {
            context.response().headers()
                    .set("Content-Security-Policy", policy)
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("Cross-Origin-Opener-Policy", "same-origin");
            String path = context.normalizedPath();
            if (!path.contains("/static/bundle/")) {
                context.response().headers().set("Cache-Control", "no-store");
            }
            context.next();
        });
    }
}
