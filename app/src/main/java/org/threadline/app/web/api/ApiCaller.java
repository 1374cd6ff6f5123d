package org.threadline.app.web.api;

import java.util.Set;
import org.threadline.app.apikeys.ApiKey;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.purpose.DeclaredPurpose;

/**
 * Who is calling and why: the API key or OIDC client, as an account of its agency and role (named
 * {@code apikey.<name>} or {@code oidc-client.<name>} in the audit log), and the purpose the call declared. A handler
 * that takes one is only reached with both checked.
 */
public record ApiCaller(Account account, DeclaredPurpose purpose) {
    /** The account the policy decision point and the audit log see for a key. */
    static Account accountOf(ApiKey key) {
        return new Account(key.actor(), "API key " + key.name(), Agency.valueOf(key.agency()),
                Set.of(Role.valueOf(key.role())));
    }
}
