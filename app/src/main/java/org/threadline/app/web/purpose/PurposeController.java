package org.threadline.app.web.purpose;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.CaseWords;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.policy.CaseRegister;
import org.threadline.app.web.security.WithoutPurpose;

/** {@code /purpose}: declare (or change) why you are using Threadline. */
@Controller
@WithoutPurpose
public class PurposeController {
    private final PurposeCatalogue catalogue;
    private final PurposeDeclaration declaration;
    private final Clock clock;
    private final AccessPolicy policy;
    private final CaseRegister cases;
    private final ViewAudit audit;

    public PurposeController(PurposeCatalogue catalogue, Clock clock, AccessPolicy policy, CaseRegister cases,
                             ViewAudit audit) {
        this.audit = audit;
        this.catalogue = catalogue;
        this.declaration = new PurposeDeclaration(catalogue);
        this.clock = clock;
        this.policy = policy;
        this.cases = cases;
    }

    @GetMapping("/purpose")
    public String form(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        DeclaredPurpose current = (DeclaredPurpose) session.getAttribute(DeclaredPurpose.SESSION_ATTRIBUTE);
        model.addAttribute("selected", current == null ? null : current.code());
        model.addAttribute("caseReference", current == null ? "" : current.caseReferenceIfAny().orElse(""));
        // What the last person's page said about the declared case (it links here to change it), said once more.
        Object problem = session.getAttribute(CaseWords.LAST_PROBLEM);
        if (problem instanceof String p && current != null && current.caseReference() != null) {
            model.addAttribute("caseNotice", p);
        }
        session.removeAttribute(CaseWords.LAST_PROBLEM);
        return page(user, model);
    }

    @PostMapping("/purpose")
    public String declare(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model,
            @RequestParam(name = "purpose", required = false) String code,
            @RequestParam(name = "caseReference", required = false) String caseReference) {
        PurposeDeclaration.Outcome outcome = declaration.check(user.account().roles(), code, caseReference,
                clock.instant());
        if (outcome instanceof PurposeDeclaration.Declared declared) {
            // The case must be an open case of the person's agency (ADR 0027): said here, plainly, rather than as
            // "nothing shared" on every page afterwards. In the declared mode the register takes it on trust.
            String reference = declared.purpose().caseReference();
            java.util.Optional<String> problem = CaseWords.declaring(cases,
                    policy.viewer(user.account(), declared.purpose()).party(), reference);
            if (problem.isEmpty()) {
                // No audit entry, no declaration: if the append fails, the person is shown the error page and has
                // no purpose, so no personal data either.
                audit.act(policy.viewer(user.account(), declared.purpose()), AuditAction.PURPOSE_DECLARED, "purpose",
                        List.of(), List.of(declared.purpose().caseReferenceIfAny().isPresent() ? "WITH_CASE"
                                : "WITHOUT_CASE"), () -> null);
                session.removeAttribute(CaseWords.LAST_PROBLEM);
                session.setAttribute(DeclaredPurpose.SESSION_ATTRIBUTE, declared.purpose());
                return "redirect:/";
            }
            outcome = new PurposeDeclaration.Rejected(java.util.Map.of("caseReference", problem.get()));
        }
        model.addAttribute("errors", ((PurposeDeclaration.Rejected) outcome).errors());
        model.addAttribute("selected", code);
        model.addAttribute("caseReference", caseReference == null ? "" : caseReference);
        return page(user, model);
    }

    private String page(SignedInUser user, Model model) {
        model.addAttribute("purposes", catalogue.allowedFor(user.account().roles()));
        model.addAttribute("catalogueVersion", catalogue.version());
        return "purpose";
    }
}
