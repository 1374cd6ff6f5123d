package org.threadline.app.web.access;

import java.util.Optional;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.policy.BreakGlassClaim;
import org.threadline.domain.governance.policy.Principal;

/**
 * Who is looking, as the policy decision point sees them: the account, what they declared, the agreement party,
 * roles and purpose they map to, whether their agency's own records are theirs in full for this purpose, and the
 * break-glass claim of a live grant, if they hold one for the person the page is about (ADR 0018), and what this
 * request has already looked up about the people it decides on (a viewer lives for one request).
 */
public record Viewer(Account account, DeclaredPurpose declared, Principal principal, String agreementPurpose,
                     boolean ownRecordsInFull, Optional<BreakGlassClaim> breakGlass, SubjectsSeen seen) {
    public String party() {
        return principal.agency();
    }

    /** The same viewer holding a live break-glass grant (for the one subject the claim names). */
    public Viewer withBreakGlass(BreakGlassClaim claim) {
        return new Viewer(account, declared, principal, agreementPurpose, ownRecordsInFull, Optional.of(claim),
                seen);
    }
}
