package org.threadline.app.web.governance;

import java.util.List;
import java.util.Optional;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.audit.AuditAction;

/**
 * Who may use the information-governance pages: a data protection officer who declared the oversight purpose.
 * Anyone else is refused with the reason, and the refusal is audited like a page shown.
 */
final class Oversight {
    static final String PURPOSE = "GOVERNANCE.OVERSIGHT";

    private Oversight() {
    }

    /** Why this person may not oversee, or empty if they may. */
    static Optional<String> refusal(SignedInUser user, DeclaredPurpose purpose) {
        if (!user.account().roles().contains(Role.DATA_PROTECTION_OFFICER)) {
            return Optional.of("These pages are for a data protection officer. Your role ("
                    + String.join(", ", user.roleLabels()) + ") does not include information governance.");
        }
        if (!PURPOSE.equals(purpose.code())) {
            return Optional.of("You declared the purpose \"" + purpose.label() + "\". Declare \"Oversee information"
                    + " governance\" to use these pages.");
        }
        return Optional.empty();
    }

    /**
     * The viewer, if they may oversee. Otherwise the refusal is audited, the response is 403 and the model holds
     * the reason for the {@code governance/refused} page, which the caller returns.
     */
    static Optional<Viewer> viewer(SignedInUser user, DeclaredPurpose purpose, AccessPolicy policy, ViewAudit audit,
                                   String page, HttpServletResponse response, Model model) {
        Viewer v = policy.viewer(user.account(), purpose);
        Optional<String> refused = refusal(user, purpose);
        if (refused.isEmpty()) {
            return Optional.of(v);
        }
        audit.viewOf(v, AuditAction.DENY, page, List.of(), List.of(
                user.account().roles().contains(Role.DATA_PROTECTION_OFFICER) ? "PURPOSE_NOT_OVERSIGHT"
                        : "ROLE_NOT_DATA_PROTECTION_OFFICER"), () -> null);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("reason", refused.get());
        return Optional.empty();
    }

    static final String REFUSED = "refused";
}
