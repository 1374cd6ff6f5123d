package org.threadline.app.people;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.people.PersonRow;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipInference;
import org.threadline.domain.people.Sex;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;
import org.threadline.store.people.StoredRow;
import org.threadline.store.people.TiesAround;

/**
 * The relationships and residences one corrected row changes (rectification, ADR 0032), found without a full build.
 *
 * <p>The build infers them from every row at once ({@link RelationshipInference}, {@link Residences}); the rules are
 * local, though: a relationship between two people reads only their rows, the rows of the address or case they were
 * seen at together, and their dates of birth. So the same rules are run twice over the rows around the corrected row -
 * once as it was, once as corrected - and only what differs is written: a relationship or residence the row alone
 * supported goes, one it now implies comes, one whose evidence or dates changed is replaced, and one other rows
 * support as well is kept (it is in both runs). The rows around it are every row of the persons around it: the persons
 * the row's records belonged to before and after, anyone already related to them, anyone with a residence at an
 * address of theirs or of the row (old or new), anyone held under the row's postcode and surname (the postcode-only
 * rule), and the other people of the row's homelessness case or police incident in the same file.
 *
 * <p>Call it before anything is written (it reads the row and the links as they were); write its plan after.
 */
public final class RowTies {
    private static final String POSTCODE_PLACEHOLDER = "ZZ99";

    private RowTies() {
    }

    /** What the correction changes, ready to write. */
    public record Plan(List<TiesAround.RelationshipKey> relationshipsGone, List<Relationship> relationshipsAdded,
                       List<Relationship> relationshipsChanged, List<TiesAround.ResidenceKey> residencesGone,
                       List<Build.ResidenceRow> residencesAdded, List<Build.ResidenceRow> residencesChanged,
                       Set<String> personsAround, Set<String> personsWhoseTiesChanged) {
        /** The counts, as audit reason codes (never values). */
        public List<String> reasons() {
            return List.of("RELATIONSHIPS_REMOVED=" + relationshipsGone.size(),
                    "RELATIONSHIPS_ADDED=" + relationshipsAdded.size(),
                    "RELATIONSHIPS_CHANGED=" + relationshipsChanged.size(),
                    "RESIDENCES_REMOVED=" + residencesGone.size(), "RESIDENCES_ADDED=" + residencesAdded.size(),
                    "RESIDENCES_CHANGED=" + residencesChanged.size());
        }

        public TiesAround.Counts write(Connection c) {
            return TiesAround.rewrite(c, relationshipsGone, relationshipsAdded, relationshipsChanged,
                    residencesGone, residencesAdded, residencesChanged);
        }
    }

    /**
     * @param before        the row as stored, before the correction
     * @param after         the row as corrected
     * @param recordsBefore the records the row made before
     * @param relink        what the row's records become
     * @param reattached    the event rows of other feeds attached again through the row's record (ADR 0033): among
     *                      the rows around, so the records they date are dated as the build dates them
     */
    public static Plan plan(Connection c, PeopleStore store, EventVocabulary vocabulary, StoredRow before,
                            StoredRow after, List<Build.RecordRow> recordsBefore, PeopleBuilder.Relink relink,
                            List<long[]> reattached) {
        String rowKey = after.fileId() + ":" + after.rowNumber();
        Set<String> touched = new TreeSet<>();
        recordsBefore.forEach(r -> touched.add(r.personId()));
        relink.records().forEach(k -> touched.add(k.row().personId()));
        touched.addAll(relink.personsTouched());
        touched.addAll(relink.retired());

        Set<String> around = new TreeSet<>(touched);
        store.relationshipsOf(touched).forEach(r -> {
            around.add(r.fromPerson());
            around.add(r.toPerson());
        });
        Set<String> addresses = new TreeSet<>(TiesAround.addressesOf(c, touched));
        List<long[]> places = new ArrayList<>();
        places.add(new long[] {after.fileId(), after.rowNumber()});
        places.addAll(reattached);
        for (StoredRow row : List.of(before, after)) {
            for (PersonPart p : PeopleBuilder.personParts(vocabulary, List.of(row))) {
                PersonRow r = PeopleBuilder.personRow(p, "", Optional.empty());
                r.addressKey().ifPresent(addresses::add);
                String postcode = r.field("postcode");
                if (!postcode.isEmpty() && !r.field("surname").isEmpty()
                        && !postcode.replace(" ", "").startsWith(POSTCODE_PLACEHOLDER)) {
                    around.addAll(TiesAround.personsNamedAt(c, postcode, r.field("surname")));
                }
            }
            String group = row.values().getOrDefault("record_key", "").strip();
            if (!group.isEmpty() && (row.definitionId().equals("housing-people")
                    || row.definitionId().equals("police-incident-persons"))) {
                List<long[]> members = TiesAround.rowsOfGroup(c, row.fileId(), row.definitionId(), group);
                places.addAll(members);
                around.addAll(TiesAround.personsOfRecordsOn(c, members).values());
            }
        }
        around.addAll(TiesAround.personsAt(c, addresses));

        // Every row of the persons around: the rows their records were made of, and the rows their events came from
        // (a homelessness application dates the case members' records: their residence starts there).
        store.recordRowsOf(around).forEach(r -> places.add(new long[] {r.fileId(), r.rowNumber()}));
        for (ChronologyEvent e : store.events(around)) {
            for (SourceRef s : e.sources()) {
                places.add(new long[] {s.fileId(), s.rowNumber()});
            }
        }
        Map<String, StoredRow> held = store.rowsAt(distinct(places));
        held.put(rowKey, before);
        List<StoredRow> rowsBefore = new ArrayList<>(held.values());
        rowsBefore.sort(Comparator.comparingLong(StoredRow::fileId).thenComparingLong(StoredRow::rowNumber));
        List<StoredRow> rowsAfter = rowsBefore.stream().map(r -> r.fileId() == after.fileId()
                && r.rowNumber() == after.rowNumber() ? after : r).toList();

        Map<String, String> personBefore = TiesAround.personsOfRecordsOn(c, rowsBefore.stream()
                .map(r -> new long[] {r.fileId(), r.rowNumber()}).toList());
        Map<String, String> personAfter = new HashMap<>(personBefore);
        personAfter.keySet().removeIf(k -> k.equals(rowKey) || k.startsWith(rowKey + ":"));
        relink.records().forEach(k -> personAfter.put(k.row().recordKey(), k.row().personId()));

        Map<String, PersonSummary> summariesBefore = new HashMap<>(store.persons(new TreeSet<>(
                personBefore.values())));
        Map<String, PersonSummary> summariesAfter = new HashMap<>(summariesBefore);
        for (Build.PersonRow p : relink.persons()) {
            if (p.state().equals("RETIRED")) {
                summariesAfter.remove(p.personId());
            } else {
                summariesAfter.put(p.personId(), new PersonSummary(p.personId(), p.forename(), p.surname(),
                        p.dateOfBirth(), Sex.of(p.sex())));
            }
        }

        List<PersonRow> was = personRows(vocabulary, rowsBefore, personBefore);
        List<PersonRow> is = personRows(vocabulary, rowsAfter, personAfter);
        RelationshipInference rules = new RelationshipInference(RelationshipInference.Settings.DEFAULT);
        Diff<TiesAround.RelationshipKey, Relationship> relationships = Diff.of(
                rules.infer(was, summariesBefore), rules.infer(is, summariesAfter), TiesAround.RelationshipKey::of);
        Diff<TiesAround.ResidenceKey, Build.ResidenceRow> residences = Diff.of(Residences.of(was),
                Residences.of(is), TiesAround.ResidenceKey::of);

        Set<String> changedTies = new TreeSet<>();
        relationships.gone().forEach(k -> {
            changedTies.add(k.from());
            changedTies.add(k.to());
        });
        for (List<Relationship> l : List.of(relationships.added(), relationships.changed())) {
            l.forEach(r -> {
                changedTies.add(r.fromPerson());
                changedTies.add(r.toPerson());
            });
        }
        return new Plan(relationships.gone(), relationships.added(), relationships.changed(), residences.gone(),
                residences.added(), residences.changed(), around, changedTies);
    }

    /** The parts of these rows that are records of a person, dated as the build dates them. */
    private static List<PersonRow> personRows(EventVocabulary vocabulary, List<StoredRow> rows,
                                              Map<String, String> personOfKey) {
        List<PersonPart> parts = PeopleBuilder.personParts(vocabulary, rows).stream()
                .filter(p -> personOfKey.containsKey(p.key())).toList();
        Map<String, Double> confidence = new HashMap<>();
        parts.forEach(p -> confidence.put(p.key(), 1.0));
        EventAttacher attacher = new EventAttacher(vocabulary, parts, personOfKey, confidence);
        rows.forEach(r -> attacher.attach(r, e -> { }));
        return parts.stream().map(p -> PeopleBuilder.personRow(p, personOfKey.get(p.key()), attacher.seenOn(p.key())))
                .toList();
    }

    private static List<long[]> distinct(List<long[]> places) {
        Map<String, long[]> out = new LinkedHashMap<>();
        places.forEach(p -> out.putIfAbsent(p[0] + ":" + p[1], p));
        return new ArrayList<>(out.values());
    }

    /** What differs between the rules' answer over the rows as they were and as corrected. */
    private record Diff<K, V>(List<K> gone, List<V> added, List<V> changed) {
        static <K, V> Diff<K, V> of(Collection<V> was, Collection<V> is, java.util.function.Function<V, K> key) {
            Map<K, V> before = new LinkedHashMap<>();
            was.forEach(v -> before.put(key.apply(v), v));
            Map<K, V> after = new LinkedHashMap<>();
            is.forEach(v -> after.put(key.apply(v), v));
            List<K> gone = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
            List<V> added = new ArrayList<>();
            List<V> changed = new ArrayList<>();
            after.forEach((k, v) -> {
                V old = before.get(k);
                if (old == null) {
                    added.add(v);
                } else if (!Objects.equals(old, v)) {
                    changed.add(v);
                }
            });
            return new Diff<>(gone, added, changed);
        }
    }
}
