package org.threadline.app.web.breakglass;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.app.web.access.AgreementMapping;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.AccountStore;
import org.threadline.app.web.breakglass.NotificationRecipients.Detail;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.store.StoreException;
import org.threadline.store.governance.BreakGlassStore;
import org.threadline.store.governance.BreakGlassStore.Addressed;
import org.threadline.store.governance.BreakGlassStore.Addressee;
import org.threadline.store.governance.BreakGlassStore.Grant;
import org.threadline.store.governance.BreakGlassStore.Notice;

/**
 * Break-glass notifications delivered to the people they name (ADR 0026). A notification is addressed to a role at a
 * party (the agreement's {@code notify}); {@link NotificationRecipients} says which accounts hold that role there, and
 * what of the grant they see. Each recipient has an inbox, an unread count and their own record of reading; a
 * partner's system can collect its party's unread ones through the API; and a notification no account can receive is
 * listed for the data protection officer as undeliverable.
 */
public final class BreakGlassNotifications {
    /** The newest notifications an inbox shows. */
    public static final int SHOWN = 100;
    /** The audit log's data item for the inbox and for marking it read. */
    public static final String ITEM = "break-glass:notifications";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final BreakGlassStore store;
    private final NotificationRecipients recipients;
    private final AgreementMapping mapping;
    private final AccountStore accounts;
    private final ViewAudit audit;
    private final Clock clock;

    public BreakGlassNotifications(BreakGlassStore store, NotificationRecipients recipients, AgreementMapping mapping,
                                   AccountStore accounts, ViewAudit audit, Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.mapping = mapping;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One notification as its recipient is shown it: the facts of the use always; the subject, case reference and
     * written reason only where the recipient's role sees them (empty otherwise, and empty after an erasure).
     */
    public record Shown(long notificationId, long grantId, String role, String party, String notified, boolean unread,
                        String requester, String requesterAgency, String requesterRole, String reasonCode,
                        String agreement, String granted, String expires, String state, String review,
                        Optional<String> subject, Optional<String> caseReference, Optional<String> reason,
                        Instant notifiedAt, Instant grantedAt, Instant expiresAt) {
        /** What the role sees beyond the facts, as field names (for the audit entry and the API). */
        public List<String> details() {
            List<String> out = new ArrayList<>();
            subject.ifPresent(x -> out.add("subject"));
            caseReference.ifPresent(x -> out.add("caseReference"));
            reason.ifPresent(x -> out.add("reason"));
            return out;
        }
    }

    /** A notification no enabled account can receive: the role the rule named, at which party, for which grant. */
    public record Undeliverable(long grantId, String role, String party, String notified, boolean roleUnknown) {
    }

    public Addressee addressee(Account account) {
        return recipients.addressee(account, mapping);
    }

    /** How many grants notified this person without them reading it yet: the count in the navigation. */
    public int unread(Account account) {
        Addressee a = addressee(account);
        return a.none() ? 0 : store.unreadFor(a);
    }

    /**
     * The viewer's inbox, newest first, audited as one VIEW entry naming the grants listed (data item
     * {@value #ITEM}). Read before the audit takes its connection (as the other pages do).
     */
    public List<Shown> inbox(Viewer v) {
        Instant now = clock.instant();
        List<Shown> shown = store.noticesFor(addressee(v.account()), SHOWN).stream()
                .filter(n -> n.grant() != null).map(n -> shown(n, now)).toList();
        Set<String> details = new java.util.TreeSet<>();
        shown.forEach(s -> details.addAll(s.details()));
        return audit.viewOf(v, AuditAction.VIEW, ITEM, List.copyOf(details), grants(shown), () -> shown);
    }

    /**
     * Marks every notification addressed to the viewer as read by them, in one transaction with a
     * {@code NOTIFICATION_READ} audit entry naming the grants; returns how many grants were newly read (nothing is
     * written when there were none).
     */
    public int markRead(Viewer v) {
        Addressee a = addressee(v.account());
        List<Long> read = new ArrayList<>();
        Instant now = clock.instant();
        // The audit entry must name the grants, known only once the rows are written: the step writes them and
        // keeps the ids, the entry follows in the same transaction (see ViewAudit.step).
        boolean recorded = audit.stepThen(v, AuditAction.NOTIFICATION_READ, ITEM, c -> {
            try {
                read.addAll(store.markReadFor(c, a, now));
            } catch (SQLException e) {
                throw new StoreException("Marking break-glass notifications read failed: "
                        + StoreException.reason(e), StoreException.withoutValues(e));
            }
            return read.isEmpty() ? Optional.empty()
                    : Optional.of(read.stream().map(id -> "grant=" + id).toList());
        });
        return recorded ? read.size() : 0;
    }

    /**
     * The unread notifications to the caller's party that nobody there has read, for a partner's system, audited as
     * one VIEW entry naming the grants (as the API's other reads are: docs/api.md). Each shows what the role it is
     * addressed to sees.
     */
    public List<Shown> unreadForParty(Viewer v) {
        Instant now = clock.instant();
        List<Shown> shown = store.unreadAtParty(v.party(), SHOWN).stream().filter(n -> n.grant() != null)
                .map(n -> shown(n, now)).toList();
        Set<String> details = new java.util.TreeSet<>();
        shown.forEach(s -> details.addAll(s.details()));
        return audit.viewOf(v, AuditAction.VIEW, "api:" + ITEM, List.copyOf(details), grants(shown), () -> shown);
    }

    /**
     * The notifications of the newest {@code grants} grants that no enabled account can receive now: the rule names
     * a role this installation's recipients file does not, or no account holds it at that party.
     */
    public List<Undeliverable> undeliverable(int grants) {
        List<Account> everyone = accounts.enabled();
        Map<String, Boolean> decided = new LinkedHashMap<>();
        List<Undeliverable> out = new ArrayList<>();
        for (Addressed a : store.addressedByNewest(grants)) {
            boolean ok = decided.computeIfAbsent(a.role() + "@" + a.party(),
                    k -> recipients.deliverable(a.role(), a.party(), everyone, mapping));
            if (!ok) {
                out.add(new Undeliverable(a.grantId(), a.role(), a.party(), WHEN.format(a.createdAt()),
                        !recipients.roles().containsKey(a.role())));
            }
        }
        return out;
    }

    /** The role-at-party pairs of these recipients no enabled account can receive now (for the grant's audit entry). */
    List<String> undeliverable(List<BreakGlassStore.Recipient> to) {
        List<Account> everyone = accounts.enabled();
        return to.stream().filter(r -> !recipients.deliverable(r.role(), r.party(), everyone, mapping))
                .map(r -> r.role() + "@" + r.party()).distinct().toList();
    }

    Shown shown(Notice n, Instant now) {
        Grant g = n.grant();
        Set<Detail> sees = recipients.sees(n.addressed().role());
        EnumSet<Detail> may = sees.isEmpty() ? EnumSet.noneOf(Detail.class) : EnumSet.copyOf(sees);
        String state = g.endedAt().isPresent() ? "Ended" : g.liveAt(now) ? "Live" : "Expired";
        String review = g.review().map(r -> "Reviewed: " + r.outcome().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ')).orElse(g.reviewOverdueAt(now) ? "Review overdue" : "Review due by "
                + WHEN.format(g.reviewDue()));
        return new Shown(n.addressed().notificationId(), g.grantId(), n.addressed().role(), n.addressed().party(),
                WHEN.format(n.addressed().createdAt()), n.readAt().isEmpty(), g.username(), g.agency(), g.role(),
                g.reasonCode(), g.agreement(), WHEN.format(g.grantedAt()), WHEN.format(g.expiresAt()), state, review,
                detail(may, Detail.SUBJECT, g.subject(), g), detail(may, Detail.CASE_REFERENCE, g.caseReference(), g),
                detail(may, Detail.REASON, g.reason(), g), n.addressed().createdAt(), g.grantedAt(), g.expiresAt());
    }

    private static Optional<String> detail(Set<Detail> may, Detail d, String value, Grant g) {
        return may.contains(d) && !g.erased() && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    private static List<String> grants(List<Shown> shown) {
        return shown.stream().map(s -> "grant=" + s.grantId()).distinct().toList();
    }

    /** What the navigation needs without a page's viewer: the count for whoever is signed in. */
    public NotificationRecipients recipients() {
        return recipients;
    }
}
