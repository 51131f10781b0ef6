/**
 * The web console's server side: its settings for the pages ({@code /console/settings.json}) and the
 * headers every answer carries. The pages themselves (src/main/resources/web) are bundled at build
 * time and read the public APIs from the browser; nothing here calls a service or holds a token.
 */
package dev.sessionledger.console;
