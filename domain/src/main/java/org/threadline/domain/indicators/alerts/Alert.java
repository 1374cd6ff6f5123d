package org.threadline.domain.indicators.alerts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert and its history. Immutable: each step returns a new alert (or a refusal with its reason).
 *
 * @param alertId     derived from the subject, the trigger and the evidence, so the same evidence cannot raise two
 *                    alerts (the store keeps the id unique)
 * @param evidence    the ids of the events that raised it (only those new since the last evaluation, for a
 *                    new-evidence trigger)
 * @param statements  what held, as the rule's evidence says it
 */
public record Alert(String alertId, String subjectPersonId, String triggerId, String indicatorId, String rulebook,
                    Recipient recipient, List<String> evidence, List<String> statements, Instant raisedAt,
                    Instant dueBy, List<AlertStep> history) {
    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(subjectPersonId, "subjectPersonId");
        Objects.requireNonNull(triggerId, "triggerId");
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(rulebook, "rulebook");
        Objects.requireNonNull(recipient, "recipient");
        evidence = List.copyOf(evidence);
        statements = List.copyOf(statements);
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(dueBy, "dueBy");
        history = List.copyOf(history);
        if (history.isEmpty() || history.get(0).state() != AlertState.RAISED) {
            throw new IllegalArgumentException("an alert's history starts with its raising");
        }
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("no alert without evidence: " + alertId);
        }
    }

    public AlertState state() {
        return history.get(history.size() - 1).state();
    }

    public Optional<Decision> decision() {
        return history.stream().map(AlertStep::decision).flatMap(Optional::stream).reduce((a, b) -> b);
    }

    /** Not yet acknowledged when it was due. */
    public boolean overdue(Instant now) {
        return state() == AlertState.RAISED && now.isAfter(dueBy);
    }

    public Transition acknowledge(Actor by, Clock clock) {
        return step(AlertState.RAISED, AlertState.ACKNOWLEDGED, by, Optional.empty(), clock);
    }

    public Transition recordDecision(Actor by, Decision decision, Clock clock) {
        if (decision.reason().isBlank()) {
            return new Transition.Refused(decision.outcome() == Decision.Outcome.NO_ACTION
                    ? "a decision to take no action needs its reason" : "say what action was taken");
        }
        return step(AlertState.ACKNOWLEDGED, AlertState.DECISION_RECORDED, by, Optional.of(decision), clock);
    }

    public Transition close(Actor by, Clock clock) {
        return step(AlertState.DECISION_RECORDED, AlertState.CLOSED, by, Optional.empty(), clock);
    }

    private Transition step(AlertState from, AlertState to, Actor by, Optional<Decision> decision, Clock clock) {
        if (by.name().isBlank()) {
            return new Transition.Refused("every step must name who took it");
        }
        if (!by.agency().equals(recipient.agency())) {
            return new Transition.Refused("the alert is routed to " + recipient.agency() + "; " + by.agency()
                    + " cannot " + verb(to) + " it");
        }
        if (state() != from) {
            return new Transition.Refused("cannot " + verb(to) + " an alert that is " + state().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (to == AlertState.CLOSED
                    ? ": a decision must be recorded first" : to == AlertState.DECISION_RECORDED
                    && state() == AlertState.RAISED ? ": acknowledge it first" : ""));
        }
        Instant at = clock.instant();
        if (at.isBefore(history.get(history.size() - 1).at())) {
            return new Transition.Refused("the clock is before the alert's last step");
        }
        List<AlertStep> next = new ArrayList<>(history);
        next.add(new AlertStep(to, at, by, decision));
        return new Transition.Done(new Alert(alertId, subjectPersonId, triggerId, indicatorId, rulebook, recipient,
                evidence, statements, raisedAt, dueBy, next));
    }

    private static String verb(AlertState to) {
        return switch (to) {
            case ACKNOWLEDGED -> "acknowledge";
            case DECISION_RECORDED -> "record a decision on";
            case CLOSED -> "close";
            case RAISED -> "raise";
        };
    }
}
