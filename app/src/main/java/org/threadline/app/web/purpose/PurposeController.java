package org.threadline.app.web.purpose;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.security.WithoutPurpose;

/** {@code /purpose}: declare (or change) why you are using Threadline. */
@Controller
@WithoutPurpose
public class PurposeController {
    private final PurposeCatalogue catalogue;
    private final PurposeDeclaration declaration;
    private final Clock clock;

    public PurposeController(PurposeCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.declaration = new PurposeDeclaration(catalogue);
        this.clock = clock;
    }

    @GetMapping("/purpose")
    public String form(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        DeclaredPurpose current = (DeclaredPurpose) session.getAttribute(DeclaredPurpose.SESSION_ATTRIBUTE);
        model.addAttribute("selected", current == null ? null : current.code());
        model.addAttribute("caseReference", current == null ? "" : current.caseReferenceIfAny().orElse(""));
        return page(user, model);
    }

    @PostMapping("/purpose")
    public String declare(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model,
            @RequestParam(name = "purpose", required = false) String code,
            @RequestParam(name = "caseReference", required = false) String caseReference) {
        PurposeDeclaration.Outcome outcome = declaration.check(user.account().roles(), code, caseReference,
                clock.instant());
        if (outcome instanceof PurposeDeclaration.Declared declared) {
            session.setAttribute(DeclaredPurpose.SESSION_ATTRIBUTE, declared.purpose());
            return "redirect:/";
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
