package dev.sessionledger.sessions.realtime;

import java.util.regex.Pattern;

import dev.sessionledger.commons.auth.Caller;
import dev.sessionledger.commons.errors.Failure;

/** The tenant and app a RealtimeKit request works in, checked against the caller's token. */
public record RealtimeScope(String tenant, String appId) {

    private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * {@code account_id} must be the caller's tenant: another account's data simply is not there.
     */
    public static RealtimeScope of(Caller caller, String accountId, String appId) {
        if (accountId == null || !accountId.equals(caller.tenant())) {
            throw Failure.notFound("account", accountId);
        }
        if (appId == null || !APP_ID.matcher(appId).matches()) {
            throw Failure.invalid("app_id", "must be 1 to 64 letters, digits, '-' or '_'");
        }
        return new RealtimeScope(caller.tenant(), appId);
    }
}
