package org.threadline.domain.indicators.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.AlertTrigger;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.Evidence;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Status;

/**
 * Decides which alerts a re-evaluation raises: compares a subject's previous and new results against the rulebook's
 * triggers. A BECAME_MET trigger fires only when the indicator goes from anything else to MET; a NEW_EVIDENCE trigger
 * fires when a MET indicator cites events the previous result did not, and the alert carries only those. The alert
 * id is a hash of subject, trigger and evidence, so processing the same change twice gives the same alert.
 */
public final class RaisingAlerts {
    /** School days and the Operation Encompass deadline are in English local time. */
    public static final ZoneId LOCAL = ZoneId.of("Europe/London");
    private static final Actor SYSTEM = new Actor("threadline rule engine", "threadline");

    private final Rulebook rulebook;
    private final Clock clock;

    public RaisingAlerts(Rulebook rulebook, Clock clock) {
        this.rulebook = rulebook;
        this.clock = clock;
    }

    /**
     * @param previous      the subject's last stored evaluation under this rulebook, if any
     * @param current       the new evaluation
     * @param subjectEvents the subject's own events, where a route's organisation is read (the latest school)
     */
    public List<Alert> raise(Optional<Evaluation> previous, Evaluation current,
                             Collection<ChronologyEvent> subjectEvents) {
        List<Alert> out = new ArrayList<>();
        for (AlertTrigger t : rulebook.alerts()) {
            Optional<IndicatorResult> now = current.result(t.indicator());
            if (now.isEmpty() || now.get().status() != Status.MET) {
                continue;
            }
            Optional<IndicatorResult> before = previous.flatMap(p -> p.result(t.indicator()));
            boolean wasMet = before.map(b -> b.status() == Status.MET).orElse(false);
            Set<String> evidence = new LinkedHashSet<>(now.get().eventIds());
            if (t.on() == AlertTrigger.On.BECAME_MET) {
                if (wasMet) {
                    continue;
                }
            } else if (wasMet) {
                evidence.removeAll(before.get().eventIds());
            }
            if (evidence.isEmpty()) {
                continue; // nothing new (or a relationship-only flag, which no alert can cite)
            }
            Instant raised = clock.instant();
            List<String> statements = now.get().evidence().stream()
                    .filter(e -> e.events().stream().anyMatch(ev -> evidence.contains(ev.eventId())))
                    .map(Evidence::statement).toList();
            out.add(new Alert(id(current.subjectPersonId(), t.id(), evidence), current.subjectPersonId(), t.id(),
                    t.indicator(), current.rulebook(), new Recipient(t.agency(), t.role(),
                    t.organisation().flatMap(o -> organisation(o, subjectEvents))), List.copyOf(evidence),
                    statements, raised, due(t.due(), raised), List.of(new AlertStep(AlertState.RAISED, raised,
                    SYSTEM, Optional.empty()))));
        }
        return out;
    }

    /** When an alert raised at {@code raised} is due. */
    public static Instant due(AlertTrigger.Due due, Instant raised) {
        if (due instanceof AlertTrigger.Due.Within w) {
            return raised.plus(w.duration());
        }
        AlertTrigger.Due.NextSchoolDayAt at = (AlertTrigger.Due.NextSchoolDayAt) due;
        ZonedDateTime local = raised.atZone(LOCAL);
        LocalDate day = local.toLocalDate();
        while (true) {
            ZonedDateTime candidate = day.atTime(at.time()).atZone(LOCAL);
            boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (weekday && candidate.toInstant().isAfter(raised)) {
                return candidate.toInstant();
            }
            day = day.plusDays(1);
        }
    }

    private static Optional<String> organisation(AlertTrigger.OrganisationFrom from,
                                                 Collection<ChronologyEvent> events) {
        return events.stream().filter(e -> e.type().equals(from.type()) && !e.fact(from.fact()).isBlank())
                .max(Comparator.comparing(ChronologyEvent::date).thenComparing(ChronologyEvent::eventId))
                .map(e -> e.fact(from.fact()));
    }

    static String id(String subject, String trigger, Set<String> evidence) {
        List<String> sorted = new ArrayList<>(evidence);
        sorted.sort(null);
        String key = subject + "\n" + trigger + "\n" + String.join("\n", sorted);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "A" + HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
