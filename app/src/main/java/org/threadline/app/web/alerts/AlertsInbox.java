package org.threadline.app.web.alerts;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.app.web.accounts.Memberships;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.indicators.alerts.Actor;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.Decision;
import org.threadline.domain.indicators.alerts.Transition;
import org.threadline.store.indicators.AlertStore;

/**
 * {@code /alerts}: the signed-in person's agency's alerts, grouped overdue, new, acknowledged, decided and closed;
 * and the three steps, each a POST carrying the alert id in its body. The agency is the agreement party the
 * person's agency maps to, which is how rulebooks route alerts ({@code route.agency}). An alert a rulebook routes to
 * one organisation of the agency (the child's school) is listed only for people who work for it ({@link Memberships});
 * the page says which organisations those are. A step on an alert of another agency or organisation is refused
 * exactly like one on an alert that does not exist.
 */
@Controller
public class AlertsInbox {
    private final AlertStore store;
    private final AlertViews views;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final Clock clock;
    private final Memberships memberships;
    private final AlertWording wording;

    public AlertsInbox(AlertStore store, AlertViews views, AccessPolicy policy, ViewAudit audit, Clock clock,
                       Memberships memberships, AlertWording wording) {
        this.wording = wording;
        this.store = store;
        this.views = views;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.memberships = memberships;
    }

    public static boolean safeguarding(DeclaredPurpose purpose) {
        return purpose.code().startsWith("SAFEGUARDING.");
    }

    @GetMapping("/alerts")
    public String inbox(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Viewer v = policy.viewer(user.account(), purpose);
        if (!safeguarding(purpose)) {
            audit.viewOf(v, AuditAction.DENY, "alerts", List.of(), List.of("PURPOSE_NOT_SAFEGUARDING"), () -> null);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("reason", "The alerts inbox is for safeguarding work: alerts name people and cite"
                    + " what agencies recorded about them. You declared \"" + purpose.label() + "\".");
            return "refused";
        }
        Instant now = clock.instant();
        Set<String> organisations = memberships.of(user.account().username());
        Map<String, List<AlertViews.AlertView>> groups = audit.view(v, () -> {
            List<Access> accesses = new ArrayList<>();
            Map<String, List<AlertViews.AlertView>> g = new LinkedHashMap<>();
            for (String heading : List.of("Overdue", "New", "Acknowledged", "Decision recorded", "Closed")) {
                g.put(heading, new ArrayList<>());
            }
            List<Alert> received = store.forAgency(v.party()).stream().filter(a -> Memberships.receives(
                    organisations, a.recipient().organisation(), wording.routesToAnOrganisation(a.triggerId())))
                    .toList();
            Map<String, List<Instant>> rectified = store.rectified(received.stream().map(Alert::alertId).toList());
            for (Alert a : received) {
                AlertViews.AlertView view = views.view(v, a, now, accesses,
                        rectified.getOrDefault(a.alertId(), List.of()));
                g.get(view.overdue() ? "Overdue" : view.state()).add(view);
            }
            return new ViewAudit.Viewed<>(g, accesses);
        });
        model.addAttribute("groups", groups);
        model.addAttribute("agency", v.party());
        model.addAttribute("organisations", organisations.contains(Memberships.EVERY) ? List.of("every organisation of"
                + " your agency") : List.copyOf(organisations));
        model.addAttribute("total", groups.values().stream().mapToInt(List::size).sum());
        return "alerts";
    }

    @PostMapping("/alerts/acknowledge")
    public String acknowledge(@RequestParam(name = "alertId", required = false) String alertId,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, RedirectAttributes redirect) {
        return step(alertId, user, purpose, redirect, "ACKNOWLEDGED", (a, by) -> a.acknowledge(by, clock));
    }

    @PostMapping("/alerts/decide")
    public String decide(@RequestParam(name = "alertId", required = false) String alertId,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "reason", required = false) String reason,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, RedirectAttributes redirect) {
        Optional<Decision.Outcome> o = "ACTION_TAKEN".equals(outcome) ? Optional.of(Decision.Outcome.ACTION_TAKEN)
                : "NO_ACTION".equals(outcome) ? Optional.of(Decision.Outcome.NO_ACTION) : Optional.empty();
        if (o.isEmpty()) {
            redirect.addFlashAttribute("problem", "Choose whether action was taken or no action is needed, and give"
                    + " the reason.");
            redirect.addFlashAttribute("problemAlert", alertId);
            return "redirect:/alerts";
        }
        String why = reason == null ? "" : reason.strip();
        return step(alertId, user, purpose, redirect, "DECISION_RECORDED:" + o.get().name(),
                (a, by) -> a.recordDecision(by, new Decision(o.get(), why), clock));
    }

    @PostMapping("/alerts/close")
    public String close(@RequestParam(name = "alertId", required = false) String alertId,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, RedirectAttributes redirect) {
        return step(alertId, user, purpose, redirect, "CLOSED", (a, by) -> a.close(by, clock));
    }

    private interface Step {
        Transition take(Alert alert, Actor by);
    }

    private String step(String alertId, SignedInUser user, DeclaredPurpose purpose, RedirectAttributes redirect,
                        String what, Step step) {
        Viewer v = policy.viewer(user.account(), purpose);
        Set<String> organisations = memberships.of(user.account().username());
        Optional<Alert> alert = alertId == null ? Optional.empty() : store.find(alertId)
                .filter(a -> a.recipient().agency().equals(v.party()))
                .filter(a -> Memberships.receives(organisations, a.recipient().organisation(),
                        wording.routesToAnOrganisation(a.triggerId())));
        if (!safeguarding(purpose) || alert.isEmpty()) {
            redirect.addFlashAttribute("problem", "That alert is not in your inbox.");
            return "redirect:/alerts";
        }
        Transition t = step.take(alert.get(), new Actor(user.account().username(), v.party()));
        if (t instanceof Transition.Refused r) {
            redirect.addFlashAttribute("problem", capitalised(r.reason()) + ".");
            redirect.addFlashAttribute("problemAlert", alertId);
            return "redirect:/alerts";
        }
        Alert after = ((Transition.Done) t).alert();
        boolean stored = audit.step(v, after.subjectPersonId(), "alert", List.of(after.alertId()), List.of(what),
                c -> store.record(c, after) == AlertStore.Recorded.STORED);
        if (!stored) {
            redirect.addFlashAttribute("problem", "Someone else changed this alert first. Here it is as it is now.");
            redirect.addFlashAttribute("problemAlert", alertId);
            return "redirect:/alerts";
        }
        redirect.addFlashAttribute("doneAlert", after.alertId());
        redirect.addFlashAttribute("done", AlertViews.words(after.state()) + ": " + after.alertId() + ", by "
                + user.account().username() + " at " + org.threadline.app.web.governance.AuditOversight.when(
                after.history().get(after.history().size() - 1).at()) + ".");
        return "redirect:/alerts";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
