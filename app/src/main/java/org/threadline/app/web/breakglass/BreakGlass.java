package org.threadline.app.web.breakglass;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.BreakGlassRule;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.policy.BreakGlassClaim;
import org.threadline.store.StoreException;
import org.threadline.store.governance.BreakGlassStore;
import org.threadline.store.governance.BreakGlassStore.Grant;
import org.threadline.store.governance.BreakGlassStore.Outcome;
import org.threadline.store.governance.BreakGlassStore.Recipient;

/**
 * Break-glass as the web app offers it (issue #7, GOVERNANCE.md b1.8, ADR 0018). Who may ask is the agreement's
 * rule, read from the same signed agreements the policy decision point decides on: a role it names, held at a
 * party of that agreement, while the agreement is live. A grant is for one subject, lasts at most the rule's
 * maximum, needs a reason code and a written reason; recording it writes the grant, its review task (due within the
 * rule's limit), a notification to everyone the rule names and a BREAK_GLASS audit entry, all in one transaction.
 * While it lasts, the holder's viewer carries the claim for that subject; afterwards the decision point refuses it.
 */
public final class BreakGlass {
    /** The shortest written reason accepted: enough to say what happened and why it could not wait. */
    public static final int MIN_REASON = 20;
    public static final int MAX_REASON = 2000;
    /** The review's written reason. */
    public static final int MIN_REVIEW_REASON = 10;

    /** Why the glass is being broken: the claim's reason code (free text goes with it). */
    public static final Map<String, String> REASON_CODES = reasonCodes();

    private static Map<String, String> reasonCodes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("IMMEDIATE_RISK_TO_LIFE", "Someone's life or safety is at immediate risk");
        m.put("CHILD_AT_RISK_OUT_OF_HOURS", "A child may be at risk of significant harm and it cannot wait until"
                + " the usual route is available");
        m.put("PLACE_OF_SAFETY", "A child needs a place of safety tonight and their history decides where");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The durations offered, each at most the rule's maximum. */
    static final List<Duration> DURATIONS = List.of(Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4));

    /** The agreement under which this viewer may break glass, its rule, and the role the rule allows them. */
    public record Eligibility(Agreement agreement, BreakGlassRule rule, String role) {
        public List<Duration> durations() {
            return DURATIONS.stream().filter(d -> d.compareTo(rule.maxDuration()) <= 0).toList();
        }
    }

    /** What asking for a grant came to: the grant, or the errors to show on the form (field to message). */
    public record Requested(Optional<Grant> grant, Map<String, String> errors) {
    }

    private final BreakGlassStore store;
    private final AgreementRegistry agreements;
    private final ViewAudit audit;
    private final Clock clock;
    private final BreakGlassSettings settings;
    private final BreakGlassNotifications notifications;

    public BreakGlass(BreakGlassStore store, AgreementRegistry agreements, ViewAudit audit, Clock clock,
                      BreakGlassSettings settings, BreakGlassNotifications notifications) {
        this.store = store;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.notifications = notifications;
    }

    public BreakGlassNotifications notifications() {
        return notifications;
    }

    public BreakGlassSettings settings() {
        return settings;
    }

    /**
     * Everyone granted break-glass more often than the threshold within the window up to now, most grants first
     * (GOVERNANCE.md b1.8's per-user rate monitoring).
     */
    public List<BreakGlassStore.Frequent> frequentUsers() {
        Instant now = clock.instant();
        return store.frequent(now.minus(settings.rateWindow()), now, settings.rateThreshold());
    }

    public BreakGlassStore store() {
        return store;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The first live agreement whose break-glass rule names a role this viewer holds at its own party. */
    public Optional<Eligibility> eligibility(Viewer v) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        for (Agreement a : agreements.agreements()) {
            if (a.breakGlass().isEmpty() || a.validityOn(today) != Agreement.Validity.LIVE
                    || a.party(v.party()).isEmpty()) {
                continue;
            }
            List<String> partyRoles = a.party(v.party()).get().roles();
            for (String role : a.breakGlass().get().allowedRoles()) {
                if (v.principal().roles().contains(role) && partyRoles.contains(role)) {
                    return Optional.of(new Eligibility(a, a.breakGlass().get(), role));
                }
            }
        }
        return Optional.empty();
    }

    /** Why this viewer may not break glass, in words, or empty if they may. */
    public Optional<String> refusal(Viewer v) {
        if (eligibility(v).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("Break-glass is only for the roles a sharing agreement names for emergencies. Your "
                + "agreement roles (" + (v.principal().roles().isEmpty() ? "none" : String.join(", ",
                v.principal().roles())) + " at " + v.party() + ") are not among them.");
    }

    /** The viewer's live grant for this subject, if any. */
    public Optional<Grant> live(Viewer v, String subject) {
        return store.live(v.account().username(), subject, clock.instant());
    }

    /** The viewer, carrying the claim of their live grant for this subject if they hold one. */
    public Viewer forSubject(Viewer v, String subject) {
        return live(v, subject).map(g -> v.withBreakGlass(claim(g))).orElse(v);
    }

    static BreakGlassClaim claim(Grant g) {
        return new BreakGlassClaim(g.reasonCode(), g.reason(), g.subject(), g.grantedAt(),
                Duration.between(g.grantedAt(), g.expiresAt()));
    }

    /**
     * Asks for a grant about one subject. Refused (with every error at once) unless the viewer is eligible, the
     * reason code is one offered, the reason is long enough and the duration is one offered within the rule's
     * maximum. A live grant for the same subject is returned as it is, not doubled.
     */
    public Requested request(Viewer v, String subject, String reasonCode, String reason, String minutes) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Eligibility> e = eligibility(v);
        if (e.isEmpty()) {
            errors.put("role", refusal(v).orElseThrow());
            return new Requested(Optional.empty(), errors);
        }
        Optional<Grant> existing = live(v, subject);
        if (existing.isPresent()) {
            return new Requested(existing, Map.of());
        }
        if (reasonCode == null || !REASON_CODES.containsKey(reasonCode)) {
            errors.put("reasonCode", "Select why this cannot wait");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.length() < MIN_REASON) {
            errors.put("reason", "Give a reason of at least " + MIN_REASON + " characters: what happened and why it"
                    + " cannot wait");
        } else if (text.length() > MAX_REASON) {
            errors.put("reason", "Give a reason of at most " + MAX_REASON + " characters");
        }
        Optional<Duration> duration = e.get().durations().stream()
                .filter(d -> String.valueOf(d.toMinutes()).equals(minutes)).findFirst();
        if (duration.isEmpty()) {
            errors.put("duration", "Select how long you need, at most " + words(e.get().rule().maxDuration()));
        }
        if (!errors.isEmpty()) {
            return new Requested(Optional.empty(), errors);
        }
        Eligibility el = e.get();
        Instant now = clock.instant();
        // min(requested, maxDuration): the offered durations are already within it; the minimum guards the rule.
        Duration lasting = duration.get().compareTo(el.rule().maxDuration()) <= 0 ? duration.get()
                : el.rule().maxDuration();
        BreakGlassStore.NewGrant g = new BreakGlassStore.NewGrant(v.account().username(), v.account().agency().name(),
                v.party(), el.role(), subject, v.declared().code(), v.declared().caseReferenceIfAny().orElse(""),
                reasonCode, text, el.agreement().id(), el.agreement().version(), now, now.plus(lasting),
                now.plus(el.rule().reviewWithin()), recipients(el, v.party()));
        long[] id = {0};
        // A notification no account can receive is said in the grant's own entry (ADR 0026), as well as listed for
        // the data protection officer: it is not lost silently, and the log shows it was so when granted.
        List<String> reasons = new ArrayList<>(List.of("GRANTED", reasonCode));
        notifications.undeliverable(g.recipients()).forEach(r -> reasons.add("undeliverable:" + r));
        audit.step(v, AuditAction.BREAK_GLASS, subject, "break-glass:grant",
                List.of("expiresAt=" + g.expiresAt(), "reviewDue=" + g.reviewDue()),
                reasons, el.agreement().reference(), c -> {
                    try {
                        id[0] = store.grant(c, g);
                        return true;
                    } catch (SQLException x) {
                        throw new StoreException("Recording the break-glass grant failed: " + x.getMessage(), x);
                    }
                });
        return new Requested(store.find(id[0]), Map.of());
    }

    /**
     * Who the rule says to tell, as role at party: {@code requester.X} is X at the requester's own party;
     * {@code provider.X} is X at every other party of the agreement (any of them may hold what is opened). Any other
     * form is kept as written, addressed to every party.
     */
    static List<Recipient> recipients(Eligibility e, String requesterParty) {
        List<Recipient> out = new ArrayList<>();
        for (String n : e.rule().notifyOnUse()) {
            int dot = n.indexOf('.');
            String scope = dot < 0 ? "" : n.substring(0, dot);
            String role = dot < 0 ? n : n.substring(dot + 1);
            if (scope.equals("requester")) {
                out.add(new Recipient(role, requesterParty));
            } else if (scope.equals("provider")) {
                e.agreement().parties().stream().map(p -> p.id()).filter(p -> !p.equals(requesterParty))
                        .forEach(p -> out.add(new Recipient(role, p)));
            } else {
                out.add(new Recipient(n, "*"));
            }
        }
        return out;
    }

    /** Records a reviewer's outcome and reason, audited; the errors to show, or none when it was recorded. */
    public Map<String, String> review(Viewer reviewer, long grantId, String outcome, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Outcome> o = java.util.Arrays.stream(Outcome.values()).filter(x -> x.name().equals(outcome))
                .findFirst();
        if (o.isEmpty()) {
            errors.put("outcome-" + grantId, "Select the outcome of the review");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.length() < MIN_REVIEW_REASON) {
            errors.put("reason-" + grantId, "Give the reason for the outcome, at least " + MIN_REVIEW_REASON
                    + " characters");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Grant g = store.find(grantId).orElseThrow();
        boolean recorded = audit.step(reviewer, AuditAction.REVIEW_DECISION, g.subject(), "break-glass:review",
                List.of("grant=" + grantId), List.of(o.get().name()), g.agreement(), c -> {
                    try {
                        return store.review(c, grantId, new BreakGlassStore.Review(reviewer.account().username(),
                                o.get(), text, clock.instant()));
                    } catch (SQLException x) {
                        throw new StoreException("Recording the break-glass review failed: " + x.getMessage(), x);
                    }
                });
        if (!recorded) {
            errors.put("outcome-" + grantId, "This use has already been reviewed");
        }
        return errors;
    }

    /**
     * Ends a live grant before it expires, as an audited step (a {@code BREAK_GLASS} entry, {@code break-glass:end},
     * reason code {@code ENDED}, about the grant's subject, written with the stamp in one transaction). Only the
     * holder may end their own grant this way, or a data protection officer ({@code byDpo}, checked by the caller)
     * any. False if it was not live (already ended or expired) or is not theirs to end: nothing is then recorded.
     * From the next read on, the pages and the API decide as without it (the store no longer finds it live).
     */
    public boolean end(Viewer v, long grantId, boolean byDpo) {
        Optional<Grant> found = store.find(grantId);
        Instant now = clock.instant();
        if (found.isEmpty() || !found.get().liveAt(now)
                || (!byDpo && !found.get().username().equals(v.account().username()))) {
            return false;
        }
        Grant g = found.get();
        return audit.step(v, AuditAction.BREAK_GLASS, g.subject(), "break-glass:end", List.of("grant=" + grantId),
                List.of("ENDED", byDpo ? "BY_DPO" : "BY_HOLDER"), g.agreement(), c -> {
                    try {
                        return store.end(c, grantId, v.account().username(), now);
                    } catch (SQLException x) {
                        throw new StoreException("Ending the break-glass grant failed: " + x.getMessage(), x);
                    }
                });
    }

    /** The role the rule's notifications name for a data protection officer. */
    public static final String DPO = "dpo";

    /** Grants with notifications to data protection officers nobody has read yet. */
    public int unreadForDpo() {
        return store.unread(DPO);
    }

    /** Stamps the notifications to data protection officers as read by this viewer (they opened the page). */
    public int markReadForDpo(Viewer v, java.sql.Connection c) throws SQLException {
        return store.markRead(c, DPO, v.account().username(), clock.instant());
    }

    static String words(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            return minutes == 60 ? "1 hour" : (minutes / 60) + " hours";
        }
        return minutes + " minutes";
    }
}
