package org.threadline.app.web.breakglass;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.people.PeopleViews;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.store.governance.BreakGlassStore.Grant;

/**
 * Asking for break-glass about one person: a form with the reason code, a written reason and how long, offered from
 * the person page to someone whose role an agreement's break-glass rule names. Someone else is refused with the
 * reason (and the refusal is audited). The person is addressed by the person id alone (ADR 0013).
 */
@Controller
public class BreakGlassPages {
    static final Pattern PERSON_ID = Pattern.compile("P\\d{7}");
    static final String ITEM = "break-glass:request";

    private final BreakGlass breakGlass;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final PeopleViews people;

    public BreakGlassPages(BreakGlass breakGlass, AccessPolicy policy, ViewAudit audit, PeopleViews people) {
        this.breakGlass = breakGlass;
        this.policy = policy;
        this.audit = audit;
        this.people = people;
    }

    @GetMapping("/people/{personId}/break-glass")
    public String form(@PathVariable("personId") String personId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        requireKnown(personId);
        Viewer v = policy.viewer(user.account(), purpose);
        Optional<BreakGlass.Eligibility> e = breakGlass.eligibility(v);
        if (e.isEmpty()) {
            return refused(v, personId, response, model);
        }
        Optional<Grant> live = breakGlass.live(v, personId);
        if (live.isPresent()) {
            return "redirect:/people/" + personId;
        }
        model(model, personId, e.get(), Map.of(), "", "", "");
        return "break-glass";
    }

    @PostMapping("/people/{personId}/break-glass")
    public String request(@PathVariable("personId") String personId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            @RequestParam(name = "reasonCode", required = false) String reasonCode,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "duration", required = false) String duration,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        requireKnown(personId);
        Viewer v = policy.viewer(user.account(), purpose);
        Optional<BreakGlass.Eligibility> e = breakGlass.eligibility(v);
        if (e.isEmpty()) {
            return refused(v, personId, response, model);
        }
        BreakGlass.Requested r = breakGlass.request(v, personId, reasonCode, reason, duration);
        if (r.grant().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model(model, personId, e.get(), r.errors(), reasonCode, reason, duration);
            return "break-glass";
        }
        redirect.addFlashAttribute("brokeGlass", true);
        return "redirect:/people/" + personId;
    }

    /**
     * The holder ends their live grant for this person before it expires (the button under the banner). Audited; the
     * next page decides as without it. With no live grant of theirs for this person, nothing happens.
     */
    @PostMapping("/people/{personId}/break-glass/end")
    public String end(@PathVariable("personId") String personId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        requireKnown(personId);
        Viewer v = policy.viewer(user.account(), purpose);
        Optional<Grant> live = breakGlass.live(v, personId);
        if (live.isPresent() && breakGlass.end(v, live.get().grantId(), false)) {
            redirect.addFlashAttribute("breakGlassEnded", true);
        }
        return "redirect:/people/" + personId + ("family".equals(back) ? "/family" : "");
    }

    private void model(Model model, String personId, BreakGlass.Eligibility e, Map<String, String> errors,
                       String reasonCode, String reason, String duration) {
        model.addAttribute("personId", personId);
        model.addAttribute("eligibility", e);
        model.addAttribute("agreement", e.agreement().reference());
        model.addAttribute("reasonCodes", BreakGlass.REASON_CODES);
        model.addAttribute("durations", e.durations().stream().map(d -> new String[] {
                String.valueOf(d.toMinutes()), BreakGlass.words(d)}).toList());
        model.addAttribute("maxDuration", BreakGlass.words(e.rule().maxDuration()));
        model.addAttribute("reviewWithin", e.rule().reviewWithin().toDays() + " days");
        model.addAttribute("notify", BreakGlass.recipients(e, "").stream().map(x -> x.role()).distinct().toList());
        model.addAttribute("minReason", BreakGlass.MIN_REASON);
        model.addAttribute("errors", errors);
        model.addAttribute("reasonCode", reasonCode == null ? "" : reasonCode);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("duration", duration == null ? "" : duration);
    }

    private String refused(Viewer v, String personId, HttpServletResponse response, Model model) {
        audit.viewOf(v, AuditAction.DENY, ITEM, List.of(), List.of("BREAK_GLASS_NOT_ALLOWED"), () -> null);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("reason", breakGlass.refusal(v).orElse("Break-glass is not open to you."));
        return "refused";
    }

    private void requireKnown(String personId) {
        if (!PERSON_ID.matcher(personId).matches() || !people.exists(personId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
