package org.threadline.app.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Memberships;
import org.threadline.app.web.alerts.AlertWording;
import org.threadline.app.web.people.PeopleViews;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.store.indicators.AlertStore;

/**
 * The alerts routed to the caller's agency (the V4 alert store) and, for an alert a rulebook routes to one organisation
 * of the agency (Operation Encompass: the child's school), only when the caller works for it, exactly as the alerts
 * inbox decides ({@link Memberships}: a key's organisations are kept under its actor name, {@code apikey.<name>},
 * an OIDC client's under {@code oidc-client.<name>}; {@code *} for every one; an alert whose organisation is not on
 * record only to {@code *}). Each is given with only what the recipient may see: the
 * evidence events whose date the policy decision point releases to them, and the rule's statements only when every
 * event behind them is released in full (a statement such as "three police incidents" restates the events). The
 * decisions are audited before the response is sent.
 */
@RestController
@RequestMapping(path = "/api/v1/alerts", produces = "application/json")
@Tag(name = "Alerts", description = "Alerts routed to the caller's agency")
public class AlertsApi {
    private final AlertStore alerts;
    private final PeopleQueries queries;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final Clock clock;
    private final Memberships memberships;
    private final AlertWording wording;

    public AlertsApi(DataSource dataSource, PeopleQueries queries, AccessPolicy policy, ViewAudit audit,
                     Clock clock, Memberships memberships, AlertWording wording) {
        this.memberships = memberships;
        this.wording = wording;
        this.alerts = new AlertStore(dataSource);
        this.queries = queries;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An alert as the recipient may see it. {@code evidenceRectifiedAt}: when an event it cites was corrected by a
     * rectification after it was raised (ADR 0032): the alert stands as raised, and its evidence should be re-checked.
     */
    public record AlertView(String alertId, String personId, String indicatorId, String triggerId, String rulebook,
                            String recipientRole, String state, boolean overdue, String raisedAt, String dueBy,
                            List<String> statements, List<PeopleApi.Event> evidence, int evidenceNotShown,
                            String notShownBecause, List<String> evidenceRectifiedAt) {
    }

    /**
     * The agency's alerts for this caller.
     *
     * @param organisations the organisations of the agency the caller works for ({@code *}: every one); empty when
     *     it receives only alerts routed to the agency as a whole
     */
    public record Alerts(String agency, List<String> organisations, int count, List<AlertView> alerts) {
    }

    @GetMapping
    @Operation(summary = "The alerts routed to the key's agency, newest first",
            description = "An alert routed to one organisation of the agency (a school) is listed only for a key"
                + " that works for it (or for every one, '*'). Each alert's evidence events are decided by the policy decision point for the key's"
                + " agency, role and declared purpose; its statements are shown only when all of its evidence is"
                + " released in full. Audited before the response is sent.")
    public Alerts list(ApiCaller caller) {
        Viewer v = policy.viewer(caller.account(), caller.purpose());
        Set<String> organisations = memberships.of(caller.account().username());
        return audit.view(v, () -> {
            List<Access> accesses = new ArrayList<>();
            List<AlertView> out = new ArrayList<>();
            List<Alert> routed = new ArrayList<>(alerts.forAgency(v.party()));
            routed.sort((a, b) -> b.raisedAt().compareTo(a.raisedAt()));
            Map<String, List<ChronologyEvent>> eventsOf = new HashMap<>();
            routed.removeIf(a -> !Memberships.receives(organisations, a.recipient().organisation(),
                    wording.routesToAnOrganisation(a.triggerId())));
            Map<String, List<java.time.Instant>> rectified = alerts.rectified(routed.stream().map(Alert::alertId)
                    .toList());
            for (Alert a : routed) {
                out.add(view(v, a, eventsOf.computeIfAbsent(a.subjectPersonId(),
                        p -> queries.events(List.of(p))), accesses, rectified.getOrDefault(a.alertId(), List.of())));
            }
            return new ViewAudit.Viewed<>(new Alerts(v.party(), List.copyOf(organisations), out.size(),
                    out), accesses);
        });
    }

    private AlertView view(Viewer v, Alert a, List<ChronologyEvent> events, List<Access> accesses,
                           List<java.time.Instant> rectifiedAt) {
        Set<String> ids = Set.copyOf(a.evidence());
        List<PeopleApi.Event> shown = new ArrayList<>();
        int hidden = ids.size();
        boolean allInFull = true;
        java.util.Set<String> why = new java.util.TreeSet<>();
        for (ChronologyEvent e : events) {
            if (!ids.contains(e.eventId())) {
                continue;
            }
            hidden--;
            Access access = policy.event(v, e);
            accesses.add(access);
            if (access.any()) {
                shown.add(PeopleApi.event(access.shows("summary") ? e : PeopleViews.withoutDetails(e)));
                allInFull &= access.shows("summary");
            } else {
                why.add(access.basis());
                allInFull = false;
            }
        }
        int notShown = ids.size() - shown.size();
        if (hidden > 0) {
            // Evidence no longer held (erased or past retention) cannot be decided, so the statements built on it
            // are not shown either.
            allInFull = false;
            why.add("some of the evidence is no longer held");
        }
        List<String> statements = allInFull ? a.statements() : List.of();
        String because = statements.isEmpty() && !a.statements().isEmpty()
                ? "the alert's statements restate evidence not shared with you in full" + (why.isEmpty() ? ""
                : ": " + String.join("; ", why)) : String.join("; ", why);
        return new AlertView(a.alertId(), a.subjectPersonId(), a.indicatorId(), a.triggerId(), a.rulebook(),
                a.recipient().role(), a.state().name(), a.overdue(clock.instant()), a.raisedAt().toString(),
                a.dueBy().toString(), statements, shown, notShown, because,
                rectifiedAt.stream().map(java.time.Instant::toString).toList());
    }
}
