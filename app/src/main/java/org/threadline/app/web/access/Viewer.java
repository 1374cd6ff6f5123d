package org.threadline.app.web.access;

import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.policy.Principal;

/**
 * Who is looking, as the policy decision point sees them: the account, what they declared, the agreement party,
 * roles and purpose they map to, and whether their agency's own records are theirs in full for this purpose.
 */
public record Viewer(Account account, DeclaredPurpose declared, Principal principal, String agreementPurpose,
                     boolean ownRecordsInFull) {
    public String party() {
        return principal.agency();
    }
}
