package org.threadline.app.web.governance;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.audit.AuditAction;

/**
 * The audit log as its overseer sees it: the newest entries (who, what, for which purpose, when), the latest signed
 * checkpoint, and the verifier's answer when asked for it (a POST: it reads the whole log). Break-glass reviews have
 * their own page ({@link BreakGlassReviews}). Looking at the log is itself an entry in it.
 */
@Controller
public class AuditPages {
    private final AuditOversight oversight;
    private final AccessPolicy policy;
    private final ViewAudit audit;

    public AuditPages(AuditOversight oversight, AccessPolicy policy, ViewAudit audit) {
        this.oversight = oversight;
        this.policy = policy;
        this.audit = audit;
    }

    @GetMapping("/governance/audit")
    public String log(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:audit-log", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        AuditOversight.Recent recent = audit.viewOf(v.get(), AuditAction.VIEW, "governance:audit-log",
                List.of("sequence", "time", "action", "actor", "agency", "roles", "purpose", "dataItem", "agreement",
                        "reasonCodes"), List.of(Oversight.PURPOSE), oversight::recent);
        model.addAttribute("recent", recent);
        model.addAttribute("shown", AuditOversight.NEWEST);
        return "governance/audit";
    }

    @PostMapping("/governance/audit/verify")
    public String verify(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:audit-verification",
                response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        // Verified before the entry recording it is appended: the answer is about the log as it was when asked.
        AuditOversight.Verification result = oversight.verify();
        audit.viewOf(v.get(), AuditAction.VIEW, "governance:audit-verification",
                List.of("entries=" + result.entries(), "intact=" + result.intact()), List.of(Oversight.PURPOSE),
                () -> null);
        redirect.addFlashAttribute("verification", result);
        return "redirect:/governance/audit";
    }
}
