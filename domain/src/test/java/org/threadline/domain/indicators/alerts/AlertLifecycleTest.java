package org.threadline.domain.indicators.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T21:40:00Z"));
    final Actor dsl = new Actor("J. Patel", "schools");
    final Actor officer = new Actor("PC Jones", "police");
    final Alert raised = new Alert("A1", "C", "operation-encompass", "encompass.household_domestic_abuse",
            "child-safeguarding@1", new Recipient("schools", "designated safeguarding lead", Optional.of("304045")),
            List.of("DA1"), List.of("1 DOMESTIC_ABUSE_INCIDENT event(s)"), clock.instant(),
            Instant.parse("2026-03-04T08:30:00Z"), List.of(new AlertStep(AlertState.RAISED, clock.instant(),
            new Actor("threadline rule engine", "threadline"), Optional.empty())));

    private static Alert done(Transition t) {
        assertThat(t).isInstanceOf(Transition.Done.class);
        return ((Transition.Done) t).alert();
    }

    private static String refused(Transition t) {
        assertThat(t).isInstanceOf(Transition.Refused.class);
        return ((Transition.Refused) t).reason();
    }

    @Test
    void an_alert_goes_from_raised_to_closed_with_every_step_attributed_and_timestamped() {
        clock.advance(Duration.ofHours(10));
        Alert ack = done(raised.acknowledge(dsl, clock));
        clock.advance(Duration.ofMinutes(20));
        Alert decided = done(ack.recordDecision(dsl, new Decision(Decision.Outcome.ACTION_TAKEN,
                "Spoke with the child; class teacher informed"), clock));
        clock.advance(Duration.ofDays(1));
        Alert closed = done(decided.close(dsl, clock));
        assertThat(closed.state()).isEqualTo(AlertState.CLOSED);
        assertThat(closed.history()).extracting(AlertStep::state).containsExactly(AlertState.RAISED,
                AlertState.ACKNOWLEDGED, AlertState.DECISION_RECORDED, AlertState.CLOSED);
        assertThat(closed.history().get(1).by()).isEqualTo(dsl);
        assertThat(closed.history().get(1).at()).isEqualTo(Instant.parse("2026-03-04T07:40:00Z"));
        assertThat(closed.decision()).map(Decision::outcome).contains(Decision.Outcome.ACTION_TAKEN);
        assertThat(raised.state()).isEqualTo(AlertState.RAISED); // steps never change the alert they start from
    }

    @Test
    void steps_out_of_order_or_by_another_agency_are_refused_with_the_reason() {
        assertThat(refused(raised.close(dsl, clock))).contains("cannot close an alert that is raised");
        assertThat(refused(raised.recordDecision(dsl, new Decision(Decision.Outcome.ACTION_TAKEN, "x"), clock)))
                .contains("acknowledge it first");
        assertThat(refused(raised.acknowledge(officer, clock))).contains("routed to schools")
                .contains("police cannot acknowledge");
        assertThat(refused(raised.acknowledge(new Actor(" ", "schools"), clock))).contains("who took it");
        Alert ack = done(raised.acknowledge(dsl, clock));
        assertThat(refused(ack.acknowledge(dsl, clock))).contains("cannot acknowledge an alert that is acknowledged");
        assertThat(refused(ack.close(dsl, clock))).contains("a decision must be recorded first");
    }

    @Test
    void no_action_needs_a_reason() {
        Alert ack = done(raised.acknowledge(dsl, clock));
        assertThat(refused(ack.recordDecision(dsl, new Decision(Decision.Outcome.NO_ACTION, " "), clock)))
                .contains("needs its reason");
        Alert decided = done(ack.recordDecision(dsl, new Decision(Decision.Outcome.NO_ACTION,
                "Child already has a plan; lead practitioner informed"), clock));
        assertThat(decided.decision()).map(Decision::reason).contains(
                "Child already has a plan; lead practitioner informed");
    }

    @Test
    void an_alert_not_acknowledged_by_its_due_time_is_overdue_and_an_acknowledged_one_is_not() {
        assertThat(raised.overdue(Instant.parse("2026-03-04T08:30:00Z"))).isFalse();
        assertThat(raised.overdue(Instant.parse("2026-03-04T08:30:01Z"))).isTrue();
        Alert ack = done(raised.acknowledge(dsl, clock));
        assertThat(ack.overdue(Instant.parse("2026-03-05T00:00:00Z"))).isFalse();
    }
}
