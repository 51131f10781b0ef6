package dev.sessionledger.local;

/**
 * Debian's Chromium and its chromedriver, which the test command installs when they are missing
 * ({@code deploy/local/src/test/install-chromium.sh}, run by the build before the tests).
 */
final class Chromium {

    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }
}
