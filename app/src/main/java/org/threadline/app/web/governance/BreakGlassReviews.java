package org.threadline.app.web.governance;

import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.threadline.app.web.breakglass.BreakGlass;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.store.StoreException;
import org.threadline.store.governance.BreakGlassStore;
import org.threadline.store.governance.BreakGlassStore.Grant;

/**
 * Break-glass reviews, the information-governance side of ADR 0018: every grant with its state (live, expired,
 * ended), its review due time (overdue ones marked) and a form to record the outcome with a reason. Opening the page
 * marks the notifications to data protection officers as read; looking and reviewing are both audited.
 */
@Controller
public class BreakGlassReviews {
    static final String ITEM = "governance:break-glass";
    /** The newest grants shown. */
    static final int SHOWN = 200;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final BreakGlass breakGlass;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final AuditOversight oversight;

    public BreakGlassReviews(BreakGlass breakGlass, AccessPolicy policy, ViewAudit audit, AuditOversight oversight) {
        this.breakGlass = breakGlass;
        this.policy = policy;
        this.audit = audit;
        this.oversight = oversight;
    }

    /** One grant as the page shows it. */
    public record Row(Grant grant, String state, String granted, String expires, String due, boolean overdue,
                      String review, String ended) {
        public long id() {
            return grant.grantId();
        }
    }

    @GetMapping("/governance/break-glass")
    public String page(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, ITEM, response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        show(v.get(), model, Map.of(), Map.of());
        return "governance/break-glass";
    }

    @PostMapping("/governance/break-glass/{grantId}/review")
    public String review(@PathVariable("grantId") String grantId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "reason", required = false) String reason,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:break-glass-review",
                response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        long id = heldGrant(grantId);
        Map<String, String> errors = breakGlass.review(v.get(), id, outcome, reason);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(v.get(), model, errors, Map.of("grant", String.valueOf(id), "outcome", outcome == null ? ""
                    : outcome, "reason", reason == null ? "" : reason));
            return "governance/break-glass";
        }
        redirect.addFlashAttribute("reviewed", "Review of break-glass use " + id + " recorded: "
                + outcome.toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        return "redirect:/governance/break-glass";
    }

    /**
     * A data protection officer ends a live grant early (someone misusing it, or the emergency is over and the holder
     * cannot be reached). Audited as the holder's own ending is, with reason code {@code BY_DPO}.
     */
    @PostMapping("/governance/break-glass/{grantId}/end")
    public String end(@PathVariable("grantId") String grantId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Viewer> v = Oversight.viewer(user, purpose, policy, audit, "governance:break-glass-end",
                response, model);
        if (v.isEmpty()) {
            return Oversight.REFUSED;
        }
        long id = heldGrant(grantId);
        redirect.addFlashAttribute("reviewed", breakGlass.end(v.get(), id, true)
                ? "Break-glass use " + id + " ended now."
                : "Break-glass use " + id + " was no longer live: nothing to end.");
        return "redirect:/governance/break-glass";
    }

    /** Someone granted break-glass more often than the threshold, as the page lists them. */
    public record FrequentRow(String username, String agency, String party, int grants, String latest) {
    }

    private void show(Viewer v, Model model, Map<String, String> errors, Map<String, String> entered) {
        int unread = breakGlass.unreadForDpo();
        Instant now = breakGlass.now();
        // Read before the audited step takes its connection: the store reads on a connection of its own, and
        // holding one while waiting for another can exhaust the pool (the person pages did, under load).
        List<Row> rows = new java.util.ArrayList<>();
        breakGlass.store().newest(SHOWN).forEach(g -> rows.add(row(g, now)));
        // Notifications no account can receive (ADR 0026): listed here so that none is lost without anyone knowing.
        List<org.threadline.app.web.breakglass.BreakGlassNotifications.Undeliverable> undeliverable =
                breakGlass.notifications().undeliverable(SHOWN);
        // And who receives the others, by kind of holder (local accounts, people seen through the provider).
        List<org.threadline.app.web.breakglass.BreakGlassNotifications.Reach> reach =
                breakGlass.notifications().reach(SHOWN).stream().filter(r -> r.deliverable()).toList();
        List<FrequentRow> frequent = breakGlass.frequentUsers().stream().map(f -> new FrequentRow(f.username(),
                f.agency(), f.party(), f.grants(), WHEN.format(f.latest()))).toList();
        audit.step(v, AuditAction.VIEW, "", ITEM, List.of("break-glass grants", "reviews", "notifications"),
                List.of(Oversight.PURPOSE), "", c -> {
                    try {
                        breakGlass.markReadForDpo(v, c);
                    } catch (SQLException e) {
                        throw new StoreException("Marking break-glass notifications read failed: "
                                + StoreException.reason(e), StoreException.withoutValues(e));
                    }
                    return true;
                });
        // What each grant opened, as the audit log has it: the BREAK_GLASS entries, one per source released.
        model.addAttribute("uses", oversight.breakGlass());
        model.addAttribute("rows", rows);
        model.addAttribute("frequent", frequent);
        model.addAttribute("undeliverable", undeliverable);
        model.addAttribute("reach", reach);
        model.addAttribute("oidcSeenWithin", breakGlass.settings().oidcSeenWithinInWords());
        model.addAttribute("rateWindow", breakGlass.settings().windowInWords());
        model.addAttribute("rateThreshold", breakGlass.settings().rateThreshold());
        model.addAttribute("unread", unread);
        model.addAttribute("live", rows.stream().filter(r -> r.state().equals("Live")).count());
        model.addAttribute("toReview", rows.stream().filter(r -> r.grant().review().isEmpty()).count());
        model.addAttribute("overdue", rows.stream().filter(Row::overdue).count());
        model.addAttribute("outcomes", BreakGlassStore.Outcome.values());
        model.addAttribute("errors", errors);
        model.addAttribute("entered", entered);
        model.addAttribute("minReason", BreakGlass.MIN_REVIEW_REASON);
    }

    static Row row(Grant g, Instant now) {
        String state = g.endedAt().isPresent() ? "Ended" : g.liveAt(now) ? "Live" : "Expired";
        String ended = g.endedAt().map(t -> "ended early at " + WHEN.format(t) + g.endedBy().map(b -> " by " + b)
                .orElse("")).orElse("");
        String review = g.review().map(r -> r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " (" + r.reviewer() + ", " + WHEN.format(r.reviewedAt()) + ")" + (r.reason().isEmpty()
                ? ": written reason removed when the person's data was erased" : ": " + r.reason())).orElse("");
        return new Row(g, state, WHEN.format(g.grantedAt()), WHEN.format(g.expiresAt()), WHEN.format(g.reviewDue()),
                g.reviewOverdueAt(now), review, ended);
    }

    /** The id of a grant held, or 404 for anything else (a malformed id says no more than an unknown one). */
    private long heldGrant(String grantId) {
        long id;
        try {
            id = Long.parseLong(grantId);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (breakGlass.store().find(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return id;
    }
}
