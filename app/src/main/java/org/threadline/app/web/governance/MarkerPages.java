package org.threadline.app.web.governance;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.markers.SubjectMarkers;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.store.governance.CaseStore;

/**
 * Subject markers on the governance pages (ADR 0035): the markers the agreements act on, a form to mark a person, and
 * one person's markers, current and removed, each current one with a form to remove it. The same service as {@code
 * ./threadline markers}: a reason for every change, its audit entry in the same transaction.
 */
@Controller
public class MarkerPages {
    private final SubjectMarkers markers;
    private final AccessPolicy policy;
    private final ViewAudit audit;

    public MarkerPages(SubjectMarkers markers, AccessPolicy policy, ViewAudit audit) {
        this.markers = markers;
        this.policy = policy;
        this.audit = audit;
    }

    @GetMapping("/governance/markers")
    public String page(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:markers", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        return show(v.get(), null, Map.of(), "", "", "", model);
    }

    @GetMapping("/governance/markers/{personId}")
    public String person(@PathVariable("personId") String personId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:markers", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        if (!CaseStore.PERSON_ID.matcher(personId).matches()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return show(v.get(), null, Map.of("personId", "Person id must be P followed by 7 digits, like P0000123"),
                    personId, "", "", model);
        }
        return show(v.get(), personId, Map.of(), personId, "", "", model);
    }

    @PostMapping("/governance/markers/set")
    public String set(@RequestParam(name = "personId", required = false) String personId,
            @RequestParam(name = "marker", required = false) String marker,
            @RequestParam(name = "reason", required = false) String reason,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(true, personId, marker, reason, user, purpose, response, model, redirect);
    }

    @PostMapping("/governance/markers/remove")
    public String remove(@RequestParam(name = "personId", required = false) String personId,
            @RequestParam(name = "marker", required = false) String marker,
            @RequestParam(name = "reason", required = false) String reason,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(false, personId, marker, reason, user, purpose, response, model, redirect);
    }

    private String change(boolean set, String personId, String marker, String reason, SignedInUser user,
                          DeclaredPurpose purpose, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:markers", response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        SubjectMarkers.Result r = set ? markers.set(v.get(), personId, marker, reason)
                : markers.remove(v.get(), personId, marker, reason);
        String id = personId == null ? "" : personId.strip().toUpperCase(Locale.ROOT);
        if (r.done()) {
            redirect.addFlashAttribute("done", r.message());
            return "redirect:/governance/markers/" + id;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(v.get(), CaseStore.PERSON_ID.matcher(id).matches() ? id : null, r.errors(), personId,
                marker == null ? "" : marker, reason == null ? "" : reason, model);
    }

    private String show(Viewer v, String personId, Map<String, String> errors, String formPerson, String formMarker,
                        String formReason, Model model) {
        model.addAttribute("known", markers.known());
        model.addAttribute("personId", personId);
        model.addAttribute("history", personId == null ? List.of() : markers.history(v, personId));
        model.addAttribute("errors", errors);
        model.addAttribute("formPerson", formPerson == null ? "" : formPerson);
        model.addAttribute("formMarker", formMarker);
        model.addAttribute("formReason", formReason);
        if (personId == null) {
            audit.viewOf(v, org.threadline.domain.governance.audit.AuditAction.VIEW, "governance:markers",
                    List.of("known-markers"), List.of(Oversight.PURPOSE), () -> null);
        }
        return "governance/markers";
    }
}
