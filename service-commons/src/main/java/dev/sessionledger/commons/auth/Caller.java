package dev.sessionledger.commons.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of the current request: who it is, its tenant, and whether it administers that tenant. */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    public static final String ADMIN_GROUP = "admin";

    @Inject
    JsonWebToken token;

    public String subject() {
        return token.getSubject();
    }

    /** Never null: tokens without the claim are refused during verification ({@code smallrye.jwt.required.claims}). */
    public String tenant() {
        return token.getClaim(TENANT_CLAIM);
    }

    public boolean isAdmin() {
        return token.getGroups() != null && token.getGroups().contains(ADMIN_GROUP);
    }
}
