package org.threadline.app.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.app.people.PeopleQueries;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.RuleEngine;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.RulebookReader;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.RaisingAlerts;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.store.indicators.AlertStore;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Raises the alerts the shipped rulebooks give on a built population, through the rule engine, {@link RaisingAlerts}
 * and {@link AlertStore} as a re-evaluation would: each person is evaluated as of the day after each domestic abuse
 * incident or missing episode in their family, so the recent-incident windows see it. Every other evaluation's alerts
 * are raised three days before {@code now} (so overdue by now), the rest at {@code now}. Raising is idempotent, so
 * every test class may call it; it returns every stored alert.
 */
final class RaisedAlerts {
    private RaisedAlerts() {
    }

    static synchronized List<Alert> raise(TestApp app, Instant now) {
        Path root = Files.isDirectory(Path.of("config", "rules")) ? Path.of(".") : Path.of("..");
        RulebookReader reader = new RulebookReader(EventVocabulary.read(root.resolve(
                "config/chronology/events.yaml")));
        List<Rulebook> rulebooks = List.of(reader.read(root.resolve("config/rules/child-safeguarding.yaml")),
                reader.read(root.resolve("config/rules/adult-disadvantage.yaml")));
        PeopleStore people = new PeopleStore(app.database.dataSource());
        PeopleQueries queries = app.bean(PeopleQueries.class);
        AlertStore store = new AlertStore(app.database.dataSource());
        Set<String> persons = new LinkedHashSet<>();
        for (Build.RecordRow r : people.allRecordRows()) {
            persons.add(r.personId());
        }
        int n = 0;
        for (String id : persons) {
            Family family = queries.family(id);
            List<String> members = family.members().stream().map(PersonSummary::personId).toList();
            List<ChronologyEvent> events = queries.events(members.isEmpty() ? List.of(id) : members);
            Set<LocalDate> days = new java.util.TreeSet<>();
            for (ChronologyEvent e : events) {
                if (e.type().equals("DOMESTIC_ABUSE_INCIDENT") || e.type().equals("MISSING_EPISODE")) {
                    days.add(e.date().latest().plusDays(1));
                }
            }
            Optional<PersonSummary> subject = family.member(id);
            if (subject.isEmpty() || days.isEmpty()) {
                continue;
            }
            List<ChronologyEvent> own = events.stream().filter(e -> e.personId().equals(id)).toList();
            for (Rulebook rulebook : rulebooks) {
                RuleEngine engine = RuleEngine.compile(rulebook);
                for (LocalDate day : days) {
                    Evaluation ev = engine.evaluate(subject.get(), family, events, day);
                    Instant at = n++ % 2 == 0 ? now.minus(Duration.ofDays(3)) : now;
                    for (Alert a : new RaisingAlerts(rulebook, Clock.fixed(at, ZoneOffset.UTC)).raise(
                            Optional.empty(), ev, own)) {
                        store.raise(a);
                    }
                }
            }
        }
        return store.all();
    }
}
