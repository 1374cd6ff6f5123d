package org.threadline.app.web.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.governance.AuditOversight;
import org.threadline.app.web.people.PeopleViews;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.AlertState;
import org.threadline.domain.indicators.alerts.AlertStep;
import org.threadline.domain.people.PersonSummary;

/**
 * An alert as its recipient sees it. The person is named, and each evidence event shown, only as far as the policy
 * decision point releases them to the viewer; the rule's own statement is shown only when every event it cites is.
 * Every decision made here joins the page's audit entries.
 */
@Component
public class AlertViews {
    private final PeopleQueries queries;
    private final PeopleViews people;
    private final AccessPolicy policy;
    private final AlertWording wording;

    public AlertViews(PeopleQueries queries, PeopleViews people, AccessPolicy policy, AlertWording wording) {
        this.queries = queries;
        this.people = people;
        this.policy = policy;
        this.wording = wording;
    }

    /** One evidence event: its date and summary as far as they are shared, or why it is not. */
    public record EvidenceView(String date, String agency, String summary, boolean shown) {
    }

    /** One step of the history. */
    public record StepView(String state, String when, String by, String decision, String reason) {
    }

    /** An alert on the page. */
    public record AlertView(String alertId, String state, boolean overdue, String indicator, String trigger,
                            String personId, String personName, String raised, String due, String routedTo,
                            List<EvidenceView> evidence, List<String> statements, String notShown,
                            List<StepView> history, boolean canAcknowledge, boolean canDecide, boolean canClose,
                            String rectified) {
    }

    /**
     * {@code rectifiedAt}: when an event the alert cites was corrected by a rectification after it was raised
     * (ADR 0032); the recipient is told to re-check, since the alert stays as raised.
     */
    public AlertView view(Viewer v, Alert a, Instant now, List<Access> accesses, List<Instant> rectifiedAt) {
        String name = people.names(v, List.of(a.subjectPersonId()), accesses).get(a.subjectPersonId());
        List<String> members = queries.family(a.subjectPersonId()).members().stream().map(PersonSummary::personId)
                .toList();
        Set<String> cited = Set.copyOf(a.evidence());
        List<EvidenceView> evidence = new ArrayList<>();
        Map<String, Access> decided = new HashMap<>();
        List<String> reasons = new ArrayList<>();
        int hidden = 0;
        List<ChronologyEvent> events = queries.events(members.isEmpty() ? List.of(a.subjectPersonId()) : members)
                .stream().filter(e -> cited.contains(e.eventId())).toList();
        for (ChronologyEvent e : events) {
            String item = e.sources().isEmpty() ? e.agency() : e.sources().get(0).definitionId();
            Access x = decided.computeIfAbsent(item + "|" + e.personId() + "|" + e.role(), k -> {
                Access d = policy.event(v, e);
                accesses.add(d);
                return d;
            });
            if (x.any()) {
                evidence.add(new EvidenceView(e.date().toString(), e.agency(), x.shows("summary") ? e.summary()
                        : type(e) + " (details not shared with you)", true));
            } else {
                hidden++;
                reasons.add(x.basis());
            }
        }
        // An event of the alert no longer held (removed at the end of its retention) counts as not shown too.
        hidden += cited.size() - events.size();
        if (cited.size() > events.size()) {
            reasons.add("no longer held");
        }
        String notShown = hidden == 0 ? "" : hidden + (hidden == 1 ? " evidence event is" : " evidence events are")
                + " not shown: " + String.join("; ", new java.util.TreeSet<>(reasons)) + ".";
        AlertState s = a.state();
        return new AlertView(a.alertId(), words(s), a.overdue(now), wording.indicator(a.indicatorId()),
                wording.trigger(a.triggerId()), a.subjectPersonId(), name, AuditOversight.when(a.raisedAt()),
                AuditOversight.when(a.dueBy()), a.recipient().role() + a.recipient().organisation().map(o ->
                        " at " + o).orElse(wording.routesToAnOrganisation(a.triggerId())
                        ? " (their organisation is not on record: sent to those who work for every one)" : ""), evidence, hidden == 0 ? a.statements() : List.of(), notShown,
                a.history().stream().map(AlertViews::step).toList(), s == AlertState.RAISED,
                s == AlertState.ACKNOWLEDGED, s == AlertState.DECISION_RECORDED, rectified(s, rectifiedAt));
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));

    /** The recipient's notice of a rectification of the alert's evidence; empty when there was none. */
    static String rectified(AlertState s, List<Instant> at) {
        if (at.isEmpty()) {
            return "";
        }
        String days = String.join(", ", at.stream().map(DAY::format).distinct().toList());
        return "Evidence rectified on " + days + ": an event this alert cites was corrected after it was raised. "
                + (s == AlertState.CLOSED ? "The alert was decided on the evidence as it then stood."
                : "Re-check the evidence before relying on this alert; the indicators were re-evaluated on the"
                + " corrected data, and any new alert they raised is listed separately.");
    }

    private static StepView step(AlertStep s) {
        return new StepView(words(s.state()), AuditOversight.when(s.at()), s.by().name() + " (" + s.by().agency()
                + ")", s.decision().map(d -> d.outcome() == org.threadline.domain.indicators.alerts.Decision.Outcome
                .ACTION_TAKEN ? "Action taken" : "No action").orElse(""),
                s.decision().map(org.threadline.domain.indicators.alerts.Decision::reason).orElse(""));
    }

    static String words(AlertState s) {
        return switch (s) {
            case RAISED -> "New";
            case ACKNOWLEDGED -> "Acknowledged";
            case DECISION_RECORDED -> "Decision recorded";
            case CLOSED -> "Closed";
        };
    }

    private static String type(ChronologyEvent e) {
        String t = e.type().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
