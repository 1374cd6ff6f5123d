package org.threadline.app.web.cases;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.store.governance.CaseStore;

/**
 * {@code /cases}: the signed-in manager's agency's cases, open ones with the people linked to them now, and the
 * recently closed ones; a form to open a case; and per case, forms to link a person (by the id their page shows),
 * unlink one and close the case, and the items to check a split left (ADR 0031), each to link or dismiss. Every
 * change is a POST with what it changes in its body (no person id in a URL), answered by a redirect back to the
 * list with what was done, or by the list again with the errors beside the form. Anyone else is refused with the
 * reason (and the refusal is audited).
 */
@Controller
public class CasePages {
    /** The most closed cases listed: the rest stay in the register and its audit entries. */
    static final int CLOSED_LISTED = 50;

    private final Cases cases;
    private final AccessPolicy policy;
    private final CaseRegisterMode mode;

    public CasePages(Cases cases, AccessPolicy policy, CaseRegisterMode mode) {
        this.cases = cases;
        this.policy = policy;
        this.mode = mode;
    }

    @GetMapping("/cases")
    public String list(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Viewer v = policy.viewer(user.account(), purpose);
        if (cases.refusal(v).isPresent()) {
            return refused(v, "LIST", response, model);
        }
        return page(v, model);
    }

    @PostMapping("/cases/open")
    public String open(@RequestParam(name = "reference", required = false) String reference,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(policy.viewer(user.account(), purpose), "OPEN", v -> cases.open(v, reference),
                "open", reference, null, response, model, redirect);
    }

    @PostMapping("/cases/link")
    public String link(@RequestParam(name = "reference", required = false) String reference,
            @RequestParam(name = "personId", required = false) String personId,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(policy.viewer(user.account(), purpose), "LINK", v -> cases.link(v, reference, personId),
                "link", reference, personId, response, model, redirect);
    }

    @PostMapping("/cases/unlink")
    public String unlink(@RequestParam(name = "reference", required = false) String reference,
            @RequestParam(name = "personId", required = false) String personId,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(policy.viewer(user.account(), purpose), "UNLINK", v -> cases.unlink(v, reference, personId),
                "unlink", reference, personId, response, model, redirect);
    }

    @PostMapping("/cases/dismiss")
    public String dismiss(@RequestParam(name = "reference", required = false) String reference,
            @RequestParam(name = "personId", required = false) String personId,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(policy.viewer(user.account(), purpose), "DISMISS", v -> cases.dismiss(v, reference, personId),
                "dismiss", reference, personId, response, model, redirect);
    }

    @PostMapping("/cases/close")
    public String close(@RequestParam(name = "reference", required = false) String reference,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(policy.viewer(user.account(), purpose), "CLOSE", v -> cases.close(v, reference),
                "close", reference, null, response, model, redirect);
    }

    /** A change to the register: refused (and audited) for someone who may not manage cases, else made and shown. */
    private String change(Viewer v, String action, java.util.function.Function<Viewer, Cases.Result> make, String form,
                          String reference, String personId, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        if (cases.refusal(v).isPresent()) {
            return refused(v, action, response, model);
        }
        Cases.Result result = make.apply(v);
        if (result.done()) {
            redirect.addFlashAttribute("done", result.message());
            return "redirect:/cases";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", result.errors());
        model.addAttribute("form", form);
        model.addAttribute("formReference", reference == null ? "" : reference);
        model.addAttribute("formPersonId", personId == null ? "" : personId);
        return page(v, model);
    }

    private String page(Viewer v, Model model) {
        List<CaseStore.Case> all = cases.list(v, true, 500 + CLOSED_LISTED);
        model.addAttribute("open", all.stream().filter(CaseStore.Case::open).toList());
        model.addAttribute("closed", all.stream().filter(c -> !c.open()).limit(CLOSED_LISTED).toList());
        model.addAttribute("ukTime", org.threadline.app.web.layout.UkTime.INSTANCE);
        model.addAttribute("agency", v.party());
        model.addAttribute("agencyLabel", v.account().agency().label());
        model.addAttribute("declaredMode", mode.declared());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "cases";
    }

    private String refused(Viewer v, String what, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("reason", cases.refuse(v, what));
        return "refused";
    }
}
