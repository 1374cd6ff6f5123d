package org.threadline.app.web.accounts;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a session: their account, and (until sign-in completes) their password hash. Someone signed in
 * through the organisation's identity provider is an {@link OidcSignedInUser}: the same account, no password, so
 * every page treats both alike.
 */
public sealed class SignedInUser implements UserDetails, CredentialsContainer permits OidcSignedInUser {
    private static final long serialVersionUID = 1L;

    private final Account account;
    private String passwordHash;
    private final boolean locked;
    private final boolean enabled;

    SignedInUser(StoredAccount stored, boolean locked) {
        this.account = stored.account();
        this.passwordHash = stored.passwordHash();
        this.locked = locked;
        this.enabled = stored.enabled();
    }

    /** Signed in elsewhere (OIDC): no password here, never locked here. */
    SignedInUser(Account account) {
        this.account = account;
        this.passwordHash = null;
        this.locked = false;
        this.enabled = true;
    }

    public Account account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The hash is not kept in the session once the password has been checked. */
    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedInUser other && other.getClass() == getClass()
                && other.account.username().equals(account.username());
    }

    @Override
    public int hashCode() {
        return account.username().hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + account.username() + "]";
    }

    /** For messages: roles as a list of labels. */
    public List<String> roleLabels() {
        return account.roles().stream().map(Role::label).sorted().toList();
    }
}
