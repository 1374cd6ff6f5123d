package org.threadline.app.web.accounts;

import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Someone signed in through the organisation's OpenID provider (ADR 0021): their account is made from the ID token's
 * claims at every sign-in and kept nowhere else. To Spring Security it is an {@link OidcUser} (so that signing out can
 * end the provider's session too); to every page it is a {@link SignedInUser} like any other.
 */
public final class OidcSignedInUser extends SignedInUser implements OidcUser {
    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;

    public OidcSignedInUser(Account account, OidcIdToken idToken) {
        super(account);
        this.idToken = idToken;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    /** Only the ID token's claims are used (they are signed); the user-info endpoint is not called. */
    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    /** The Threadline username ({@code oidc.<name>}): what the audit log records. */
    @Override
    public String getName() {
        return getUsername();
    }

    @Override
    public String toString() {
        return "OidcSignedInUser[" + getUsername() + "]";
    }
}
