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
import org.threadline.app.web.accounts.OidcPrincipals;
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
 *
 * <p>Who can receive one: the enabled local accounts, and the people who signed in through the OpenID provider
 * within {@code seenWithin} with the roles it asserted at their latest sign-in ({@link OidcPrincipals}; ADR 0026 as
 * amended 2026-11-27). Someone not seen for longer may have lost the role at the provider without Threadline
 * knowing, so they no longer count; the data protection officer's list says so.
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
    private final OidcPrincipals principals;
    private final java.time.Duration seenWithin;
    private final ViewAudit audit;
    private final Clock clock;

    /**
     * @param seenWithin how recently an OIDC principal must have signed in for its asserted roles to count
     *     ({@link BreakGlassSettings#oidcRecipientsSeenWithin()})
     */
    public BreakGlassNotifications(BreakGlassStore store, NotificationRecipients recipients, AgreementMapping mapping,
                                   AccountStore accounts, OidcPrincipals principals, java.time.Duration seenWithin,
                                   ViewAudit audit, Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.mapping = mapping;
        this.accounts = accounts;
        this.principals = principals;
        this.seenWithin = seenWithin;
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

    /**
     * A notification nobody can receive: the role the rule named, at which party, for which grant.
     *
     * @param staleOidcHolders how many people hold the role there by their provider's word but last signed in
     *     too long ago to count (0: nobody holds it at all)
     */
    public record Undeliverable(long grantId, String role, String party, String notified, boolean roleUnknown,
                                int staleOidcHolders) {
    }

    /**
     * Who can receive notifications to one role at one party, by kind of holder: for the data protection officer.
     *
     * @param localAccounts enabled local accounts that hold it
     * @param oidcRecent people who signed in through the provider within the limit, holding it by its latest word
     * @param oidcStale people the provider said hold it, not seen within the limit: not counted
     */
    public record Reach(String role, String party, int localAccounts, int oidcRecent, int oidcStale,
                        boolean roleUnknown) {
        public boolean deliverable() {
            return localAccounts + oidcRecent > 0;
        }

    }

    /** Everyone who can receive a notification now: the enabled accounts and the recently seen OIDC principals. */
    private Holders holders() {
        Instant since = clock.instant().minus(seenWithin);
        List<Account> recent = new ArrayList<>();
        List<Account> stale = new ArrayList<>();
        for (OidcPrincipals.Principal p : principals.all()) {
            (p.seenSince(since) ? recent : stale).add(p.account());
        }
        return new Holders(accounts.enabled(), recent, stale);
    }

    private record Holders(List<Account> local, List<Account> oidcRecent, List<Account> oidcStale) {
    }

    private Reach reach(String role, String party, Holders h) {
        return new Reach(role, party, count(h.local(), role, party), count(h.oidcRecent(), role, party),
                count(h.oidcStale(), role, party), !recipients.roles().containsKey(role));
    }

    private int count(List<Account> who, String role, String party) {
        return (int) who.stream().filter(a -> recipients.receives(a, role, party, mapping)).count();
    }

    /** Who can receive each role-at-party the newest {@code grants} grants notified, in the order first notified. */
    public List<Reach> reach(int grants) {
        Holders h = holders();
        Map<String, Reach> out = new LinkedHashMap<>();
        for (Addressed a : store.addressedByNewest(grants)) {
            out.computeIfAbsent(a.role() + "@" + a.party(), k -> reach(a.role(), a.party(), h));
        }
        return List.copyOf(out.values());
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
     * The notifications of the newest {@code grants} grants that nobody can receive now: the rule names a role this
     * installation's recipients file does not, or neither an enabled account nor a recently seen OIDC principal holds
     * it at that party.
     */
    public List<Undeliverable> undeliverable(int grants) {
        Holders h = holders();
        Map<String, Reach> decided = new LinkedHashMap<>();
        List<Undeliverable> out = new ArrayList<>();
        for (Addressed a : store.addressedByNewest(grants)) {
            Reach r = decided.computeIfAbsent(a.role() + "@" + a.party(), k -> reach(a.role(), a.party(), h));
            if (!r.deliverable()) {
                out.add(new Undeliverable(a.grantId(), a.role(), a.party(), WHEN.format(a.createdAt()),
                        r.roleUnknown(), r.oidcStale()));
            }
        }
        return out;
    }

    /** The role-at-party pairs of these recipients nobody can receive now (for the grant's audit entry). */
    List<String> undeliverable(List<BreakGlassStore.Recipient> to) {
        Holders h = holders();
        return to.stream().filter(r -> !reach(r.role(), r.party(), h).deliverable())
                .map(r -> r.role() + "@" + r.party()).distinct().toList();
    }

    /** How recently an OIDC sign-in must have been for its roles to count. */
    public java.time.Duration seenWithin() {
        return seenWithin;
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
