package dev.sessionledger.console;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the console's pages are told at start: how users may sign in, and which RealtimeKit app opens first. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** OpenID Connect sign-in (authorization code with PKCE), offered only when an issuer is set. */
    Oidc oidc();

    /** The RealtimeKit app whose meetings the meetings page lists until the user picks another. */
    @WithDefault("default")
    String realtimeAppId();

    /** A public client of the issuer: PKCE, no client secret, redirect URI {@code <origin>/console/}. */
    interface Oidc {

        Optional<String> issuer();

        Optional<String> clientId();

        @WithDefault("openid")
        String scope();
    }
}
