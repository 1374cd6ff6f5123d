package org.threadline.app.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventSource;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.store.people.StoredRow;

/**
 * Turns rows into chronology events of resolved persons, per the event vocabulary: a person row's event belongs to
 * the person(s) named in it; an event row (a term's attendance, a referral, a homelessness application) belongs to
 * every person whose record in the named feed carries the same key — with that person's own role in the record
 * (the applicant, a child in the household).
 */
final class EventAttacher {
    private final EventVocabulary vocabulary;
    private final Map<String, List<PersonPart>> partsOfRow = new HashMap<>();
    /** definition → key field → value → the subject parts of that definition with that value. */
    private final Map<String, Map<String, Map<String, List<PersonPart>>>> byKey = new HashMap<>();
    private final Map<String, String> personOfKey;
    private final Map<String, Double> confidenceOfKey;
    private final Map<String, LocalDate> seenOn = new HashMap<>();

    EventAttacher(EventVocabulary vocabulary, List<PersonPart> parts, Map<String, String> personOfKey,
                  Map<String, Double> confidenceOfKey) {
        this.vocabulary = vocabulary;
        this.personOfKey = personOfKey;
        this.confidenceOfKey = confidenceOfKey;
        Map<String, List<String>> keyFields = LookupKeys.attachFields(vocabulary);
        for (PersonPart p : parts) {
            partsOfRow.computeIfAbsent(rowKey(p.row()), k -> new ArrayList<>()).add(p);
            if (p.prefix().isEmpty()) {
                for (String field : keyFields.getOrDefault(p.row().definitionId(), List.of())) {
                    String value = p.field(field);
                    if (!value.isEmpty()) {
                        byKey.computeIfAbsent(p.row().definitionId(), k -> new HashMap<>())
                                .computeIfAbsent(field, k -> new HashMap<>())
                                .computeIfAbsent(value, k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
    }

    List<ChronologyEvent> events(List<StoredRow> rows) {
        List<ChronologyEvent> out = new ArrayList<>();
        rows.forEach(row -> attach(row, out::add));
        return out;
    }

    /** Hands the events of one row, if its feed has any, to {@code sink}: rows can stream past, none is kept. */
    void attach(StoredRow row, Consumer<ChronologyEvent> sink) {
        Optional<EventSource> source = vocabulary.source(row.definitionId());
        if (source.isEmpty()) {
            return;
        }
        EventSource s = source.get();
        if (s.attach() instanceof EventSource.Attach.ToRecordsOf to) {
            String value = row.values().getOrDefault(to.field(), "").strip();
            List<PersonPart> targets = byKey.getOrDefault(to.definition(), Map.of())
                    .getOrDefault(to.field(), Map.of()).getOrDefault(value, List.of());
            Map<String, PersonPart> onePerPerson = new LinkedHashMap<>();
            targets.forEach(t -> onePerPerson.putIfAbsent(personOfKey.get(t.key()), t));
            onePerPerson.forEach((person, target) -> {
                Map<String, String> values = new HashMap<>(row.values());
                values.putIfAbsent("role", target.field("role"));
                s.map(values, "").ifPresent(m -> {
                    sink.accept(event(m, row, person, "", confidenceOfKey.get(target.key())));
                    seenOn.merge(target.key(), m.date().date(), (x, y) -> x.isBefore(y) ? x : y);
                });
            });
        } else {
            for (PersonPart p : partsOfRow.getOrDefault(rowKey(row), List.of())) {
                s.map(row.values(), p.prefix()).ifPresent(m -> {
                    sink.accept(event(m, row, personOfKey.get(p.key()), p.prefix(), confidenceOfKey.get(p.key())));
                    seenOn.put(p.key(), m.date().date());
                });
            }
        }
    }

    /** The day a record shows its person (its own event's date, or the earliest event attached through it). */
    Optional<LocalDate> seenOn(String recordKey) {
        return Optional.ofNullable(seenOn.get(recordKey));
    }

    private ChronologyEvent event(EventSource.MappedEvent m, StoredRow row, String person, String prefix,
                                  double confidence) {
        String id = "E" + row.fileId() + "-" + row.rowNumber() + "-" + person
                + (prefix.isEmpty() ? "" : "-" + prefix.substring(0, prefix.length() - 1));
        return new ChronologyEvent(id, person, m.date(), m.end(), row.agency(), m.type(), m.role(), m.summary(),
                vocabulary.type(m.type()).significant(), m.facts(), List.of(PeopleBuilder.source(row)), confidence);
    }

    private static String rowKey(StoredRow r) {
        return r.fileId() + ":" + r.rowNumber();
    }
}
