package org.threadline.app.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.threadline.app.cli.LinkageLookups;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventSource;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.people.PersonRow;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipInference;
import org.threadline.domain.people.Sex;
import org.threadline.domain.people.StableIds;
import org.threadline.linkage.clustering.ClusterAssessment;
import org.threadline.linkage.clustering.ClusterConstraints;
import org.threadline.linkage.clustering.Clusterer;
import org.threadline.linkage.clustering.ClusteringThresholds;
import org.threadline.linkage.model.Thresholds;
import org.threadline.linkage.clustering.ClusterReason;
import org.threadline.linkage.clustering.ReviewPair;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.engine.LinkResult;
import org.threadline.linkage.engine.Linker;
import org.threadline.linkage.engine.TermFrequencies;
import org.threadline.linkage.engine.TrainingSettings;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.ModelJson;
import org.threadline.linkage.scoring.ComparisonContribution;
import org.threadline.linkage.scoring.Explanation;
import org.threadline.linkage.scoring.MatchWeights;
import org.threadline.store.governance.CaseLinkSuccession;
import org.threadline.store.governance.PersonLineage;
import org.threadline.store.people.Build;
import org.threadline.store.people.BuildWriter;
import org.threadline.store.people.PeopleStore;
import org.threadline.store.people.StoredRow;

/**
 * Builds persons, their chronology and their relationships from everything ingested.
 *
 * <ol>
 *   <li>Every person named in a person row (the row's subject, and a second person such as a child's mother) is a
 *       record; records with identical identity fields from one feed are linked as one (a pupil's census row repeats
 *       each year).</li>
 *   <li>The people model is trained on the records (unsupervised) and run, under the review decisions in force.</li>
 *   <li>Clusters get stable ids; merges, splits and retirements are recorded with the model version as reason.</li>
 *   <li>Events: each row of a feed the event vocabulary maps becomes an event of the person(s) it belongs to.</li>
 *   <li>Relationships and residences from the records, their dates and addresses.</li>
 * </ol>
 * All of it is written in one transaction, as it is made (rows are read twice rather than held: see ADR 0009).
 */
public final class PeopleBuilder {
    private static final SearchKeys SEARCH_KEYS = new SearchKeys(org.threadline.domain.names.FamiliarForms.load());
    static final List<String> IDENTITY = List.of("forename", "surname", "date_of_birth", "sex", "postcode",
            "nhs_number", "upn", "pnc_id", "ni_number");

    private final PeopleStore store;
    private final EventVocabulary vocabulary;
    private final LinkageModel model;
    private final Clock clock;
    private final int threads;
    private final BeforeBirthLinks beforeBirth;
    /** Case links follow what a build merges, and cases get items to check for what it splits (ADR 0031). */
    private final CaseLinkSuccession caseLinks;

    /**
     * A builder whose builds refuse to change a case (no audit log to record it): a build that merges or splits a
     * person linked to an open case fails, and nothing of it is visible. {@link #followingCaseLinks} gives it one.
     */
    public PeopleBuilder(PeopleStore store, EventVocabulary vocabulary, LinkageModel model, Clock clock, int threads) {
        this(store, vocabulary, model, clock, threads, new CaseLinkSuccession(Optional.empty()));
    }

    private PeopleBuilder(PeopleStore store, EventVocabulary vocabulary, LinkageModel model, Clock clock, int threads,
                          CaseLinkSuccession caseLinks) {
        this.caseLinks = caseLinks;
        this.store = store;
        this.vocabulary = vocabulary;
        this.model = model;
        this.clock = clock;
        this.threads = threads;
        this.beforeBirth = new BeforeBirthLinks(vocabulary);
    }

    /**
     * The same builder, recording in {@code audit} what its builds do to cases: the links that follow a merge and the
     * items to check after a split, in the build's transaction.
     */
    public PeopleBuilder followingCaseLinks(org.threadline.store.audit.AuditStore audit) {
        return new PeopleBuilder(store, vocabulary, model, clock, threads, new CaseLinkSuccession(Optional.of(audit)));
    }

    /** What a build did, for the command line; {@code caseChanges}: what it did to open cases, in words. */
    public record Result(long runId, int sourceRows, int records, int persons, int needingAttention, int reviewItems,
                         int events, int relationships, int newPersons, List<StableIds.Change> changes,
                         int decisionsApplied, Map<String, Long> millis, List<String> warnings,
                         List<String> caseChanges) {
    }

    public Result build(Consumer<String> progress) {
        Instant started = clock.instant();
        Set<Long> filesRead = new HashSet<>();
        List<PersonPart> parts = readPersonParts(filesRead, progress);
        if (parts.size() < 2) {
            throw new IllegalStateException("there are " + parts.size() + " person records: ingest some data first");
        }
        List<PeopleStore.Decision> decisions = store.decisionsInForce();
        Linkage linkage = link(parts, decisions, started, progress);
        List<List<PersonPart>> partsOf = linkage.partsOf();
        LinkResult linked = linkage.result();

        // Clusters → stable ids, after rows about a child not yet born join the child born after them.
        int[] clusterOf = linked.clustering().clusterIds().clone();
        BeforeBirthLinks.Result born = beforeBirth.find(partsOf, clusterOf);
        for (BeforeBirthLinks.Move m : born.moves()) {
            clusterOf[m.record()] = clusterOf[m.childRecord()];
        }
        if (born.moves().size() + born.apart() > 0) {
            progress.accept(String.format(java.util.Locale.UK, "joined %,d records of rows before a birth to the"
                    + " child born after; %,d stay apart (no single child of the parent born in the window yet)",
                    born.moves().size(), born.apart()));
        }
        Map<Integer, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < clusterOf.length; i++) {
            members.computeIfAbsent(clusterOf[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> clusterIds = new ArrayList<>(members.keySet());
        List<List<String>> clusters = new ArrayList<>();
        for (int c : clusterIds) {
            List<String> keys = new ArrayList<>();
            for (int i : members.get(c)) {
                partsOf.get(i).forEach(p -> keys.add(p.key()));
            }
            clusters.add(keys);
        }
        Map<String, String> previous = store.currentAssignment();
        StableIds.Assignment assignment = StableIds.assign(previous, clusters, store.personIdSupplier(1_000));
        clusters = null; // millions of keys, no longer needed: let them go before the events are made
        Map<Integer, String> personOfCluster = new HashMap<>();
        for (int k = 0; k < clusterIds.size(); k++) {
            personOfCluster.put(clusterIds.get(k), assignment.ids().get(k));
        }
        Map<String, String> personOfKey = new HashMap<>();
        for (int i = 0; i < partsOf.size(); i++) {
            String person = personOfCluster.get(clusterOf[i]);
            partsOf.get(i).forEach(p -> personOfKey.put(p.key(), person));
        }

        double[] confidence = confidence(linked, members, clusterOf);
        // A record joined before birth is as sure as the two links it rests on: the row's parent to her person, and
        // the child's record to its person.
        Map<String, String> linkedBy = new HashMap<>();
        for (BeforeBirthLinks.Move m : born.moves()) {
            confidence[m.record()] = Math.min(confidence[m.parentRecord()], confidence[m.childRecord()]);
            partsOf.get(m.record()).forEach(p -> linkedBy.put(p.key(), m.reason()));
        }
        Map<Integer, ClusterAssessment> attention = new HashMap<>();
        linked.clustering().needingAttention().forEach(a -> attention.put(a.clusterId(), a));
        List<Build.PersonRow> persons = new ArrayList<>();
        Map<String, PersonSummary> summaries = new HashMap<>();
        for (int k = 0; k < clusterIds.size(); k++) {
            int c = clusterIds.get(k);
            List<PersonPart> ps = new ArrayList<>();
            members.get(c).forEach(i -> ps.addAll(partsOf.get(i)));
            // A row before birth gives the child no identity (its "name" is a placeholder such as UNBORN).
            List<PersonPart> identifying = ps.stream().filter(p -> beforeBirth.beforeBirth(p).isEmpty()).toList();
            PersonSummary s = summarise(assignment.ids().get(k), identifying.isEmpty() ? ps : identifying);
            summaries.put(s.personId(), s);
            ClusterAssessment a = attention.get(c);
            persons.add(new Build.PersonRow(s.personId(), a == null ? "ACTIVE" : "NEEDS_ATTENTION", s.forename(),
                    s.surname(), s.dateOfBirth(), s.sex().name(), a == null ? "[]" : reasonsJson(a, linkage.records())));
        }
        List<Build.ReviewRow> review = review(linked, linkage.records(), partsOf, personOfKey);
        Set<String> alive = new HashSet<>(assignment.ids());
        List<String> retired = assignment.changes().stream()
                .filter(ch -> ch.kind() == StableIds.ChangeKind.RETIRE).map(ch -> ch.before().get(0))
                .filter(id -> !alive.contains(id)).toList();
        Map<String, Double> confidenceOfKey = new HashMap<>();
        for (int i = 0; i < partsOf.size(); i++) {
            for (PersonPart p : partsOf.get(i)) {
                confidenceOfKey.put(p.key(), confidence[i]);
            }
        }

        // Written as it is made, in one transaction: events especially are too many to hold at millions of people.
        String modelJson = ModelJson.write(linked.model());
        Build.Run header = new Build.Run(started, started, model.id(), model.version(), sha256(modelJson), modelJson,
                linked.pairs().size(), assignment.newIds(), decisions.size(), linked.millis());
        LookupKeys lookupKeys = new LookupKeys(linked.model(), vocabulary, SEARCH_KEYS);
        try (BuildWriter w = store.beginBuild(header, caseLinks)) {
            w.persons(persons, retired);
            writeRecords(parts, w, p -> {
                Build.RecordRow row = recordRow(p, personOfKey.get(p.key()), confidenceOfKey.get(p.key()),
                        Optional.ofNullable(linkedBy.get(p.key())));
                return new Build.KeyedRecord(row, lookupKeys.of(p, cells(p), row.identity()));
            });
            w.recordsWritten();
            progress.accept(String.format(java.util.Locale.UK, "wrote %,d person records", parts.size()));
            w.termFrequencies(Json.write(TermFrequencies.of(linked.model(), linkage.records(), 2)),
                    LookupKeys.scheme(SEARCH_KEYS));
            w.changes(assignment.changes(), "re-link with model " + model.id() + " v" + model.version() + " under "
                    + decisions.size() + " review decision(s)");
            w.review(review);
            EventAttacher attacher = new EventAttacher(vocabulary, parts, personOfKey, confidenceOfKey);
            long[] rowsAndEvents = new long[2];
            Set<String> eventOnly = eventOnlyDefinitions();
            store.forEachRow(row -> {
                rowsAndEvents[0]++;
                if (eventOnly.contains(row.definitionId())) {
                    filesRead.add(row.fileId());
                }
                attacher.attach(row, e -> {
                    rowsAndEvents[1]++;
                    w.event(e);
                });
            });
            w.eventsWritten();
            progress.accept(String.format(java.util.Locale.UK, "wrote %,d events from %,d rows",
                    rowsAndEvents[1], rowsAndEvents[0]));
            List<PersonRow> personRows = new ArrayList<>();
            for (PersonPart p : parts) {
                personRows.add(personRow(p, personOfKey.get(p.key()), attacher.seenOn(p.key())));
            }
            List<Relationship> relationships = new RelationshipInference(RelationshipInference.Settings.DEFAULT)
                    .infer(personRows, summaries);
            w.relationships(relationships);
            w.residences(Residences.of(personRows));
            w.files(filesRead);
            progress.accept(String.format(java.util.Locale.UK, "wrote %,d relationships; committing (indexes,"
                    + " statistics)", relationships.size()));
            long run = w.commit(clock.instant());
            return new Result(run, (int) rowsAndEvents[0], parts.size(), persons.size(), attention.size(),
                    review.size(), (int) rowsAndEvents[1], relationships.size(), assignment.newIds(),
                    assignment.changes(), decisions.size(), linked.millis(), linked.warnings(),
                    w.caseChanges().stream().map(CaseLinkSuccession.Followed::describe).toList());
        }
    }

    /** Records are made in parallel this many at a time, and written in order: memory stays bounded. */
    private static final int RECORD_CHUNK = 20_000;

    /**
     * Writes a record for every part, in order. Making one (its identity and lookup keys: name forms, blocking keys)
     * reads nothing but the part, and was a fifth of a large build on one thread, so chunks are made on all the
     * build's threads while the writer's sender thread sends the last chunk's rows.
     */
    private void writeRecords(List<PersonPart> parts, BuildWriter w,
                              java.util.function.Function<PersonPart, Build.KeyedRecord> make) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int from = 0; from < parts.size(); from += RECORD_CHUNK) {
                List<PersonPart> chunk = parts.subList(from, Math.min(parts.size(), from + RECORD_CHUNK));
                List<Build.KeyedRecord> made = pool.submit(() -> chunk.parallelStream().map(make).toList()).join();
                made.forEach(k -> w.record(k.row(), k.lookupKeys()));
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Definitions whose rows only add events to the records of another feed (a term's attendance of a pupil). */
    private Set<String> eventOnlyDefinitions() {
        Set<String> out = new HashSet<>();
        vocabulary.sources().forEach((definition, source) -> {
            if (source.attach() instanceof EventSource.Attach.ToRecordsOf) {
                out.add(definition);
            }
        });
        return out;
    }

    /** The person parts of every row that names people; rows that only carry events are left in the store. */
    private List<PersonPart> readPersonParts(Set<Long> filesRead, Consumer<String> progress) {
        List<StoredRow> rows = new ArrayList<>();
        store.forEachRow(eventOnlyDefinitions(), row -> {
            rows.add(row);
            filesRead.add(row.fileId());
        });
        progress.accept(String.format(java.util.Locale.UK, "read %,d standardised rows that name people", rows.size()));
        return personParts(rows);
    }

    /** The linkage records (one per distinct identity within a feed), and what the model made of them. */
    private record Linkage(List<List<PersonPart>> partsOf, RecordTable records, LinkResult result) {
    }

    private Linkage link(List<PersonPart> parts, List<PeopleStore.Decision> decisions, Instant started,
                         Consumer<String> progress) {
        Map<String, Integer> identityIndex = new HashMap<>();
        List<List<PersonPart>> partsOf = new ArrayList<>();
        RecordTable.Builder table = RecordTable.builder(model.columns());
        for (PersonPart p : parts) {
            String[] cells = cells(p);
            // A row before birth is its own record: two pregnancies at one address give identical (nameless) cells.
            String identity = p.row().definitionId() + "|" + String.join("|", cells)
                    + (beforeBirth.beforeBirth(p).isPresent() ? "|" + p.key() : "");
            Integer at = identityIndex.get(identity);
            if (at == null) {
                at = partsOf.size();
                identityIndex.put(identity, at);
                partsOf.add(new ArrayList<>());
                table.add(p.key(), 0, cells);
            }
            partsOf.get(at).add(p);
        }
        identityIndex = null; // as many long strings as records: not needed past this point
        RecordTable records = table.build();
        Map<String, Integer> linkIndexOf = new HashMap<>();
        for (int i = 0; i < partsOf.size(); i++) {
            for (PersonPart p : partsOf.get(i)) {
                linkIndexOf.put(p.key(), i);
            }
        }
        ClusterConstraints constraints = constraints(decisions, linkIndexOf);
        linkIndexOf = null;
        progress.accept(String.format(java.util.Locale.UK, "linking %,d person records (%,d distinct) under %,d"
                + " review decisions", parts.size(), records.size(), decisions.size()));
        ForkJoinPool pool = new ForkJoinPool(threads);
        LinkResult linked;
        try {
            linked = new Linker(pool, 200_000_000L).run(model, records, LinkageLookups.standard(),
                    TrainingSettings.defaults(started.toString()), progress, constraints);
        } finally {
            pool.shutdown();
        }
        ClusterConstraints withConflicts = IdentifierConflicts.add(constraints, records, linked.pairs().left(),
                linked.pairs().right());
        if (withConflicts != constraints) {
            Thresholds th = linked.model().thresholds();
            linked = new LinkResult(linked.model(), linked.pairs(), linked.weights(),
                    new Clusterer(new ClusteringThresholds(th.join(), th.fracture(), th.reviewLow()))
                            .cluster(records.size(), linked.pairs().left(), linked.pairs().right(), linked.weights(),
                                    withConflicts), linked.millis(), linked.warnings());
            progress.accept(String.format(java.util.Locale.UK, "kept apart %,d candidate pairs whose NHS numbers,"
                    + " UPNs or NI numbers are both valid and different", withConflicts.cannotLinkLeft().length
                    - constraints.cannotLinkLeft().length));
        }
        return new Linkage(partsOf, records, linked);
    }

    /** What incremental resolution did with the rows of newly landed files. */
    public record Increment(int newRows, int newRecords, int matched, int forReview, int newPersons, int events,
                            Set<String> personsTouched, Optional<java.time.LocalDate> newestEvent) {
    }

    /**
     * Resolves the person records of files landed since the last build against the persons already held, with the
     * last build's trained model and no re-training, and attaches their events — so a new police incident reaches
     * the right person (and can raise an alert) within seconds of intake. A near match (the review band) becomes a
     * new person plus a review item, never a silent merge. Relationships are left to the next full build
     * (a rectification remakes those around its row: {@link RowTies}).
     */
    public Increment attachNew(Consumer<String> progress) {
        Trained last = lastBuild();
        LinkageModel trained = last.model();
        List<Long> files = store.filesNotBuilt();
        List<StoredRow> fresh = new ArrayList<>();
        store.forEachRowOf(files, fresh::add);
        if (fresh.isEmpty()) {
            store.writeIncrement(List.of(), List.of(), List.of(), List.of(), files);
            return new Increment(0, 0, 0, 0, 0, 0, Set.of(), Optional.empty());
        }
        LookupKeys lookupKeys = new LookupKeys(trained, vocabulary, SEARCH_KEYS);
        List<PersonPart> newParts = personParts(fresh);
        Held held = held(newParts, fresh, lookupKeys);

        Map<String, String> personOfKey = new HashMap<>(held.personOfKey());
        HeldIndex index = index(held.parts(), personOfKey, last);
        List<String> personOfCluster = index.personOfCluster();
        List<String> indexedKeys = index.indexedKeys();
        java.util.function.Supplier<String> freshIds = store.personIdSupplier(100);
        org.threadline.linkage.engine.IncrementalResolver resolver = index.resolver();
        Map<String, Double> confidenceOfKey = new HashMap<>(held.confidenceOfKey());
        Map<String, String> personOfIdentity = new HashMap<>();
        Map<String, List<PersonPart>> partsOfNewPerson = new LinkedHashMap<>();
        List<Build.ReviewRow> review = new ArrayList<>();
        int matched = 0;
        for (PersonPart p : newParts) {
            String[] cells = cells(p);
            // A row before birth is its own record: two pregnancies at one address give identical (nameless) cells.
            String identity = p.row().definitionId() + "|" + String.join("|", cells)
                    + (beforeBirth.beforeBirth(p).isPresent() ? "|" + p.key() : "");
            String person = personOfIdentity.get(identity);
            double confidence = 1.0;
            if (person == null) {
                org.threadline.linkage.engine.Resolution r = resolver.resolve(p.key(), cells);
                if (r.decision() == org.threadline.linkage.engine.Resolution.Decision.MATCH) {
                    person = personOfCluster.get(r.cluster());
                    confidence = MatchWeights.probability(r.weight());
                    matched++;
                } else {
                    person = freshIds.get();
                    if (r.decision() == org.threadline.linkage.engine.Resolution.Decision.REVIEW) {
                        String other = indexedKeys.get(r.candidates().get(0).record());
                        review.add(new Build.ReviewRow("UNCERTAIN", p.key(), other, person,
                                personOfCluster.get(r.cluster()), r.weight(), MatchWeights.probability(r.weight()),
                                "{\"note\": \"resolved incrementally; explain after the next build\"}"));
                    }
                }
                personOfIdentity.put(identity, person);
            } else if (!partsOfNewPerson.containsKey(person)) {
                matched++;
            }
            personOfKey.put(p.key(), person);
            confidenceOfKey.put(p.key(), confidence);
            if (!index.holds(person)) {
                partsOfNewPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(p);
            }
        }
        List<Build.PersonRow> newPersons = new ArrayList<>();
        partsOfNewPerson.forEach((id, ps) -> {
            PersonSummary s = summarise(id, ps);
            newPersons.add(new Build.PersonRow(id, "ACTIVE", s.forename(), s.surname(), s.dateOfBirth(),
                    s.sex().name(), "[]"));
        });
        List<Build.KeyedRecord> records = new ArrayList<>();
        for (PersonPart p : newParts) {
            Build.RecordRow row = recordRow(p, personOfKey.get(p.key()), confidenceOfKey.get(p.key()),
                    Optional.empty());
            records.add(new Build.KeyedRecord(row, lookupKeys.of(p, cells(p), row.identity())));
        }
        List<PersonPart> attachable = new ArrayList<>(held.parts());
        attachable.addAll(newParts);
        List<ChronologyEvent> events = new EventAttacher(vocabulary, attachable, personOfKey, confidenceOfKey)
                .events(fresh);
        store.writeIncrement(newPersons, records, events, review, files);
        Set<String> touched = new java.util.TreeSet<>();
        events.forEach(e -> touched.add(e.personId()));
        records.forEach(r -> touched.add(r.row().personId()));
        progress.accept(String.format(java.util.Locale.UK, "resolved %,d new records against %,d held candidates: %,d"
                + " matched, %,d for review, %,d new persons; %,d events", newParts.size(), held.parts().size(),
                matched, review.size(), newPersons.size(), events.size()));
        return new Increment(fresh.size(), newParts.size(), matched, review.size(), newPersons.size(), events.size(),
                touched, events.stream().map(e -> e.date().date()).max(java.time.LocalDate::compareTo));
    }

    /**
     * What a corrected row's person records became (rectification, ADR 0028). {@code outcome}: {@code STAYED} (with
     * the person it was in), {@code MOVED} (it now matches another person held), {@code NEW_PERSON} (it matches nobody
     * and leaves its person for one of its own), {@code REVIEW} (a near match: a person of its own, or the one it was
     * alone in, and a review item against the near match, never a silent merge). {@code from} is empty for a record
     * the row did not make before (a name added to a nameless part).
     */
    public record Move(String recordKey, Optional<String> from, String to, String outcome, double probability,
                       Optional<String> nearMatch) {
        /** In words, for the command line and the audit's reason codes. */
        public String describe() {
            String was = from.orElse("no person");
            return switch (outcome) {
                case "STAYED" -> "record " + recordKey + " stays with " + to;
                case "MOVED" -> String.format(java.util.Locale.UK, "record %s moves from %s to %s (it now matches"
                        + " %s's records, probability %.3f)", recordKey, was, to, to, probability);
                case "NEW_PERSON" -> "record " + recordKey + " leaves " + was + " for a new person " + to + " (it"
                        + " matches no one held)";
                default -> "record " + recordKey + " is held as " + to + (from.equals(Optional.of(to)) ? ""
                        : " (it left " + was + ")") + " and sent for review against "
                        + nearMatch.orElse("?") + String.format(java.util.Locale.UK, " (probability %.3f)",
                        probability);
            };
        }
    }

    /** Everything a corrected row's derived copies become: written in place of the old by the caller. */
    public record Relink(List<Build.PersonRow> persons, List<Build.KeyedRecord> records, List<ChronologyEvent> events,
                         List<Build.ReviewRow> review, List<Move> moves, Set<String> personsTouched,
                         Set<String> retired) {
        /**
         * Where records went between persons (ADR 0031): a person retired with every moved record going to one
         * person was merged into them; otherwise records split off. What the case links follow: pass it to
         * {@link CaseLinkSuccession#afterRectification} in the rectification's transaction.
         */
        public List<PersonLineage> lineage() {
            Map<String, Set<String>> wentTo = new TreeMap<>();
            for (Move m : moves) {
                m.from().filter(f -> !f.equals(m.to()))
                        .ifPresent(f -> wentTo.computeIfAbsent(f, k -> new java.util.TreeSet<>()).add(m.to()));
            }
            return PersonLineage.ofWentTo(wentTo, retired);
        }
    }

    /**
     * Re-decides the links of one corrected row (rectification, ADR 0028): its records are resolved again, as an
     * increment resolves new records (the last build's trained model, candidates by lookup key, no re-training),
     * against every held record except the row's own old ones; its events are made again for the persons it now
     * belongs to. A record that was alone in its person and now matches no one keeps that person's id (the same
     * person, their details corrected). The persons touched - the ones the row's records left and joined - get their
     * summary (name, date of birth, sex) from their records as they will be; a person left with no record is
     * retired. Nothing is written: {@link org.threadline.store.people.RowRewrite} writes the result.
     *
     * @param corrected the row as corrected
     * @param before    the records the row made before the correction
     * @param changed   the fields the correction changed: a record's links are re-decided only when one of them is
     *                  a field of its own person (a mother's fields for her record, the subject's for the subject's)
     *                  that linkage, search or event attachment reads (a corrected event date or offence leaves the
     *                  records where they are: incremental resolution is not asked to repeat what batch decided)
     */
    public Relink relink(StoredRow corrected, List<Build.RecordRow> before, java.util.Collection<String> changed) {
        Trained last = lastBuild();
        LinkageModel trained = last.model();
        String rowKey = corrected.fileId() + ":" + corrected.rowNumber();
        java.util.function.Predicate<String> ofRow = k -> k.equals(rowKey) || k.startsWith(rowKey + ":");
        LookupKeys lookupKeys = new LookupKeys(trained, vocabulary, SEARCH_KEYS);
        List<StoredRow> fresh = List.of(corrected);
        List<PersonPart> newParts = personParts(fresh);
        Held all = held(newParts, fresh, lookupKeys);
        List<PersonPart> heldParts = all.parts().stream().filter(p -> !ofRow.test(p.key())).toList();
        Map<String, String> personOfKey = new HashMap<>(all.personOfKey());
        Map<String, Double> confidenceOfKey = new HashMap<>(all.confidenceOfKey());
        personOfKey.keySet().removeIf(ofRow);
        confidenceOfKey.keySet().removeIf(ofRow);

        HeldIndex index = index(heldParts, personOfKey, last);
        List<String> personOfCluster = index.personOfCluster();
        List<String> indexedKeys = index.indexedKeys();
        org.threadline.linkage.engine.IncrementalResolver resolver = index.resolver();
        Map<String, String> personBefore = new HashMap<>();
        before.forEach(r -> personBefore.put(r.recordKey(), r.personId()));
        Map<String, List<Build.RecordRow>> othersOf = new HashMap<>();
        for (String person : new java.util.TreeSet<>(personBefore.values())) {
            othersOf.put(person, store.recordsOf(person).stream().filter(r -> !ofRow.test(r.recordKey())).toList());
        }
        java.util.function.Supplier<String> freshIds = store.personIdSupplier(1);
        List<Move> moves = new ArrayList<>();
        List<Build.ReviewRow> review = new ArrayList<>();
        Set<String> linkFields = new HashSet<>(IDENTITY);
        linkFields.addAll(trained.columns());
        linkFields.addAll(List.of("person_key", "address_line", "middle_names"));
        LookupKeys.attachFields(vocabulary).getOrDefault(corrected.definitionId(), List.of()).forEach(linkFields::add);
        // Per part: a corrected mother's NHS number re-decides her record, not her child's (the child's cells are
        // unchanged, and re-deciding a record joined transitively could split it for no reason).
        java.util.function.Predicate<PersonPart> relinks = p -> changed.stream().anyMatch(f -> {
            int dot = f.startsWith("attribute.") ? -1 : f.indexOf('.');
            return f.substring(0, dot + 1).equals(p.prefix()) && linkFields.contains(f.substring(dot + 1));
        });
        Map<String, Double> confidenceBefore = new HashMap<>();
        before.forEach(r -> confidenceBefore.put(r.recordKey(), r.linkConfidence()));
        for (PersonPart p : newParts) {
            Optional<String> was = Optional.ofNullable(personBefore.get(p.key()));
            if (!relinks.test(p) && was.isPresent()) {
                personOfKey.put(p.key(), was.get());
                confidenceOfKey.put(p.key(), confidenceBefore.get(p.key()));
                moves.add(new Move(p.key(), was, was.get(), "STAYED", confidenceBefore.get(p.key()),
                        Optional.empty()));
                continue;
            }
            boolean alone = was.isPresent() && othersOf.get(was.get()).isEmpty();
            org.threadline.linkage.engine.Resolution r = heldParts.isEmpty() ? null : resolver.resolve(p.key(),
                    cells(p));
            org.threadline.linkage.engine.Resolution.Decision decision = r == null
                    ? org.threadline.linkage.engine.Resolution.Decision.NEW : r.decision();
            String person;
            double probability = r == null ? 1.0 : MatchWeights.probability(r.weight());
            String outcome;
            Optional<String> near = Optional.empty();
            if (decision == org.threadline.linkage.engine.Resolution.Decision.MATCH) {
                person = personOfCluster.get(r.cluster());
                outcome = was.equals(Optional.of(person)) ? "STAYED" : "MOVED";
            } else {
                person = alone ? was.get() : freshIds.get();
                outcome = alone ? "STAYED" : "NEW_PERSON";
                probability = 1.0;
                if (decision == org.threadline.linkage.engine.Resolution.Decision.REVIEW) {
                    String other = indexedKeys.get(r.candidates().get(0).record());
                    near = Optional.of(personOfCluster.get(r.cluster()));
                    outcome = "REVIEW";
                    probability = MatchWeights.probability(r.weight());
                    review.add(new Build.ReviewRow("UNCERTAIN", p.key(), other, person, near.get(), r.weight(),
                            probability, "{\"note\": \"re-resolved after a rectification; explain after the next"
                            + " build\"}"));
                }
            }
            personOfKey.put(p.key(), person);
            confidenceOfKey.put(p.key(), decision == org.threadline.linkage.engine.Resolution.Decision.MATCH
                    ? probability : 1.0);
            moves.add(new Move(p.key(), was, person, outcome, probability, near));
        }
        List<Build.KeyedRecord> records = new ArrayList<>();
        Map<String, List<Map<String, String>>> identitiesOf = new HashMap<>();
        Map<String, Optional<String>> linkedBefore = new HashMap<>();
        before.forEach(r -> linkedBefore.put(r.recordKey(), r.linkedBy()));
        for (PersonPart p : newParts) {
            Build.RecordRow row = recordRow(p, personOfKey.get(p.key()), confidenceOfKey.get(p.key()),
                    relinks.test(p) ? Optional.empty() : linkedBefore.getOrDefault(p.key(), Optional.empty()));
            records.add(new Build.KeyedRecord(row, lookupKeys.of(p, cells(p), row.identity())));
            identitiesOf.computeIfAbsent(row.personId(), k -> new ArrayList<>()).add(row.identity());
        }
        List<PersonPart> attachable = new ArrayList<>(heldParts);
        attachable.addAll(newParts);
        List<ChronologyEvent> events = new EventAttacher(vocabulary, attachable, personOfKey, confidenceOfKey)
                .events(fresh);

        Set<String> touched = new java.util.TreeSet<>(personBefore.values());
        moves.forEach(m -> touched.add(m.to()));
        events.forEach(e -> touched.add(e.personId()));
        List<Build.PersonRow> persons = new ArrayList<>();
        Set<String> retired = new java.util.TreeSet<>();
        for (String person : touched) {
            List<Map<String, String>> identities = new ArrayList<>(identitiesOf.getOrDefault(person, List.of()));
            List<Build.RecordRow> others = othersOf.containsKey(person) ? othersOf.get(person)
                    : store.recordsOf(person).stream().filter(r -> !ofRow.test(r.recordKey())).toList();
            others.forEach(r -> identities.add(r.identity()));
            Optional<String[]> state = store.personState(person);
            Optional<PersonSummary> held = store.person(person);
            if (identities.isEmpty()) {
                held.ifPresent(h -> persons.add(new Build.PersonRow(person, "RETIRED", h.forename(), h.surname(),
                        h.dateOfBirth(), h.sex().name(), state.map(s -> s[1]).orElse("[]"))));
                retired.add(person);
                continue;
            }
            PersonSummary s = summariseIdentities(person, identities);
            persons.add(new Build.PersonRow(person, state.map(x -> x[0]).filter(x -> !x.equals("RETIRED"))
                    .orElse("ACTIVE"), s.forename(), s.surname(), s.dateOfBirth(), s.sex().name(),
                    state.map(x -> x[1]).orElse("[]")));
        }
        touched.removeAll(retired);
        return new Relink(persons, records, events, review, moves, touched, retired);
    }

    /**
     * The events of other feeds attached through a corrected row's record, as they become (rectification, ADR 0033):
     * {@code gone} are the ids of the events to delete, {@code come} the events to write, {@code personsMoved} the
     * persons who lost or gained one (their indicators are re-evaluated), {@code rows} the (file id, row number) of
     * the event rows whose events changed.
     */
    public record Reattached(List<String> gone, List<ChronologyEvent> come, Set<String> personsMoved,
                             List<long[]> rows) {
        /** The counts, as audit reason codes (never values). */
        public List<String> reasons() {
            return List.of("ATTACHED_EVENTS_REMOVED=" + gone.size(), "ATTACHED_EVENTS_ADDED=" + come.size());
        }
    }

    /**
     * Attaches again the event rows of other feeds that attach by a key to the corrected row's feed (a term's
     * attendance to the pupil records carrying its UPN, a referral to the child's social care record), with the
     * build's own {@link EventAttacher}: the rows carrying the row's key as it was and as corrected, attached to
     * every held record carrying that key (found by lookup key, as an increment finds them) and to the row's records
     * as {@link #relink} made them. Only the events that differ from those stored go and come. Nothing is written.
     *
     * @param before    the row as stored, before the correction
     * @param corrected the row as corrected
     * @param relink    what the row's records became
     */
    public Reattached reattach(StoredRow before, StoredRow corrected, Relink relink) {
        String rowKey = corrected.fileId() + ":" + corrected.rowNumber();
        java.util.function.Predicate<String> ofRow = k -> k.equals(rowKey) || k.startsWith(rowKey + ":");
        List<PersonPart> newParts = personParts(List.of(corrected));
        List<PersonPart> oldParts = personParts(List.of(before));
        List<StoredRow> eventRows = new ArrayList<>();
        for (Map.Entry<String, EventSource> e : new TreeMap<>(vocabulary.sources()).entrySet()) {
            if (e.getValue().attach() instanceof EventSource.Attach.ToRecordsOf to
                    && to.definition().equals(corrected.definitionId())) {
                Set<String> keys = new java.util.TreeSet<>();
                for (PersonPart p : List.of(oldParts, newParts).stream().flatMap(List::stream).toList()) {
                    if (p.prefix().isEmpty() && !p.field(to.field()).isEmpty()) {
                        keys.add(p.field(to.field()));
                    }
                }
                eventRows.addAll(store.rowsCarrying(e.getKey(), to.field(), keys));
            }
        }
        if (eventRows.isEmpty()) {
            return new Reattached(List.of(), List.of(), Set.of(), List.of());
        }
        Held held = held(List.of(), eventRows, new LookupKeys(lastBuild().model(), vocabulary, SEARCH_KEYS));
        List<PersonPart> attachable = new ArrayList<>(held.parts().stream().filter(p -> !ofRow.test(p.key()))
                .toList());
        attachable.addAll(newParts);
        // In the build's order (file, row, part): a person holding the key on several records takes the first one's
        // link confidence, as in the build.
        attachable.sort(Comparator.comparingLong((PersonPart p) -> p.row().fileId())
                .thenComparingLong(p -> p.row().rowNumber()).thenComparing(PersonPart::key));
        Map<String, String> personOfKey = new HashMap<>(held.personOfKey());
        Map<String, Double> confidenceOfKey = new HashMap<>(held.confidenceOfKey());
        relink.records().forEach(k -> {
            personOfKey.put(k.row().recordKey(), k.row().personId());
            confidenceOfKey.put(k.row().recordKey(), k.row().linkConfidence());
        });
        List<ChronologyEvent> now = new EventAttacher(vocabulary, attachable, personOfKey, confidenceOfKey)
                .events(eventRows);
        List<ChronologyEvent> was = store.eventsFrom(eventRows.stream()
                .map(r -> new long[] {r.fileId(), r.rowNumber()}).toList());
        List<String> gone = was.stream().filter(e -> !now.contains(e)).map(ChronologyEvent::eventId).toList();
        List<ChronologyEvent> come = now.stream().filter(e -> !was.contains(e)).toList();
        Set<String> moved = new java.util.TreeSet<>();
        Map<String, long[]> rows = new LinkedHashMap<>();
        List<ChronologyEvent> changed = new ArrayList<>(was.stream().filter(e -> !now.contains(e)).toList());
        changed.addAll(come);
        for (ChronologyEvent e : changed) {
            moved.add(e.personId());
            e.sources().forEach(x -> rows.putIfAbsent(x.fileId() + ":" + x.rowNumber(),
                    new long[] {x.fileId(), x.rowNumber()}));
        }
        return new Reattached(gone, come, moved, new ArrayList<>(rows.values()));
    }

    /** The last build's trained model and term frequencies: what incremental resolution resolves with. */
    private record Trained(LinkageModel model, TermFrequencies frequencies) {
    }

    private Trained lastBuild() {
        LinkageModel trained = ModelJson.read(store.latestTrainedModel()
                .orElseThrow(() -> new IllegalStateException("no people build yet: run ./threadline people build")));
        if (!store.lookupScheme().equals(Optional.of(LookupKeys.scheme(SEARCH_KEYS)))) {
            throw new IllegalStateException("the current people build was made by an earlier version, without the"
                    + " index records are resolved by or with another scheme of it: run ./threadline people build"
                    + " once");
        }
        TermFrequencies frequencies = readFrequencies(store.latestTermFrequencies().orElseThrow(() ->
                new IllegalStateException("the current people build has no term frequencies: run ./threadline people"
                        + " build once")));
        return new Trained(trained, frequencies);
    }

    /**
     * An incremental resolver over held records: each distinct (person, model cells) once, a cluster per person.
     * {@code indexedKeys} gives the record key of each indexed record, {@code personOfCluster} each cluster's person.
     */
    private record HeldIndex(org.threadline.linkage.engine.IncrementalResolver resolver, List<String> indexedKeys,
                             List<String> personOfCluster, Map<String, Integer> clusterOfPerson) {
        boolean holds(String person) {
            return clusterOfPerson.containsKey(person);
        }
    }

    private HeldIndex index(List<PersonPart> parts, Map<String, String> personOfKey, Trained last) {
        Map<String, Integer> clusterOfPerson = new HashMap<>();
        List<String> personOfCluster = new ArrayList<>();
        RecordTable.Builder table = RecordTable.builder(last.model().columns());
        List<Integer> clusters = new ArrayList<>();
        List<String> indexedKeys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PersonPart p : parts) {
            String person = personOfKey.get(p.key());
            String[] cells = cells(p);
            if (seen.add(person + "|" + String.join("|", cells))) {
                table.add(p.key(), 0, cells);
                indexedKeys.add(p.key());
                clusters.add(clusterOfPerson.computeIfAbsent(person, k -> {
                    personOfCluster.add(k);
                    return personOfCluster.size() - 1;
                }));
            }
        }
        return new HeldIndex(new org.threadline.linkage.engine.IncrementalResolver(last.model(), table.build(),
                clusters.stream().mapToInt(Integer::intValue).toArray(), LinkageLookups.standard(),
                last.frequencies()), indexedKeys, personOfCluster, clusterOfPerson);
    }

    /** The held records an increment can touch, with their persons and how confidently they are attached. */
    private record Held(List<PersonPart> parts, Map<String, String> personOfKey, Map<String, Double> confidenceOfKey) {
    }

    /**
     * The records already held that share a blocking key with a new record (its candidates) or that a new event row
     * attaches to, fetched by their lookup keys rather than by reading everyone: the cost of an increment follows
     * its own size and its candidates', not the population's.
     */
    private Held held(List<PersonPart> newParts, List<StoredRow> fresh, LookupKeys lookupKeys) {
        Set<Integer> wanted = new HashSet<>();
        for (PersonPart p : newParts) {
            for (int k : lookupKeys.blocking(cells(p))) {
                wanted.add(k);
            }
        }
        for (StoredRow row : fresh) {
            vocabulary.source(row.definitionId()).ifPresent(source -> {
                if (source.attach() instanceof EventSource.Attach.ToRecordsOf to) {
                    String value = row.values().getOrDefault(to.field(), "").strip();
                    if (!value.isEmpty()) {
                        wanted.add(LookupKeys.attach(to.definition(), to.field(), value));
                    }
                }
            });
        }
        List<PeopleStore.KeyHit> hits = new ArrayList<>();
        List<Integer> keys = new ArrayList<>(wanted);
        for (int from = 0; from < keys.size(); from += 5_000) {
            hits.addAll(store.recordsWithAnyKey(keys.subList(from, Math.min(keys.size(), from + 5_000)).stream()
                    .mapToInt(Integer::intValue).toArray()));
        }
        Map<String, PeopleStore.KeyHit> byRecord = new LinkedHashMap<>();
        hits.forEach(h -> byRecord.putIfAbsent(h.recordKey(), h));
        Map<String, StoredRow> rows = store.rowsAt(byRecord.values().stream()
                .map(h -> new long[] {h.fileId(), h.rowNumber()}).toList());
        List<PersonPart> parts = new ArrayList<>();
        Map<String, String> personOfKey = new HashMap<>();
        Map<String, Double> confidenceOfKey = new HashMap<>();
        for (PeopleStore.KeyHit h : byRecord.values()) {
            StoredRow row = rows.get(h.fileId() + ":" + h.rowNumber());
            if (row != null) {
                parts.add(new PersonPart(row, h.part().isEmpty() ? "" : h.part() + ".", h.recordKey()));
                personOfKey.put(h.recordKey(), h.personId());
                confidenceOfKey.put(h.recordKey(), h.linkConfidence());
            }
        }
        return new Held(parts, personOfKey, confidenceOfKey);
    }

    static TermFrequencies readFrequencies(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, TermFrequencies.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the current build's term frequencies are unreadable: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The record as stored. A row before birth names no child: its "name" (UNBORN) is a placeholder, kept in the row
     * as received but not as the record's identity, so the record is neither shown nor found by it (a search for it
     * would otherwise read every antenatal record held: 185,000 at 3,000,000 people).
     */
    private Build.RecordRow recordRow(PersonPart p, String person, double confidence, Optional<String> linkedBy) {
        boolean unborn = beforeBirth.beforeBirth(p).isPresent();
        Map<String, String> identity = new LinkedHashMap<>();
        for (String f : IDENTITY) {
            identity.put(f, unborn && (f.equals("forename") || f.equals("surname")) ? "" : p.field(f));
        }
        identity.put("address_line", p.field("address_line"));
        return new Build.RecordRow(p.key(), p.row().fileId(), p.row().rowNumber(), part(p), person,
                p.row().agency(), p.row().definitionId(), confidence, identity, linkedBy);
    }

    private List<PersonPart> personParts(List<StoredRow> rows) {
        return personParts(vocabulary, rows);
    }

    /** Person parts: every row not mapped as an event of other records, for its subject and any prefixed person. */
    static List<PersonPart> personParts(EventVocabulary vocabulary, List<StoredRow> rows) {
        List<PersonPart> parts = new ArrayList<>();
        for (StoredRow r : rows) {
            Optional<EventSource> source = vocabulary.source(r.definitionId());
            if (source.isPresent() && source.get().attach() instanceof EventSource.Attach.ToRecordsOf) {
                continue;
            }
            Set<String> prefixes = new java.util.TreeSet<>();
            prefixes.add("");
            for (String k : r.values().keySet()) {
                int dot = k.indexOf('.');
                if (dot > 0 && !k.startsWith("attribute.")) {
                    prefixes.add(k.substring(0, dot + 1));
                }
            }
            for (String prefix : prefixes) {
                PersonPart p = new PersonPart(r, prefix, r.fileId() + ":" + r.rowNumber()
                        + (prefix.isEmpty() ? "" : ":" + prefix.substring(0, prefix.length() - 1)));
                boolean named = !p.field("surname").isEmpty() || !p.field("forename").isEmpty()
                        || !p.field("nhs_number").isEmpty() || !p.field("upn").isEmpty() || !p.field("pnc_id").isEmpty();
                if (named) {
                    parts.add(p);
                }
            }
        }
        return parts;
    }

    private String[] cells(PersonPart p) {
        String[] cells = new String[model.columns().size()];
        for (int i = 0; i < cells.length; i++) {
            String column = model.columns().get(i);
            cells[i] = column.equals("agency_key")
                    ? (p.prefix().isEmpty() && !p.field("person_key").isEmpty()
                    ? p.row().agency() + ":" + p.field("person_key") : "")
                    : p.field(column);
        }
        return cells;
    }

    private static ClusterConstraints constraints(List<PeopleStore.Decision> decisions, Map<String, Integer> index) {
        List<int[]> must = new ArrayList<>();
        List<int[]> cannot = new ArrayList<>();
        for (PeopleStore.Decision d : decisions) {
            Integer a = index.get(d.recordA());
            Integer b = index.get(d.recordB());
            if (a == null || b == null || a.equals(b) && !d.decision().equals("LINK")) {
                continue; // a record no longer held, or two rows with one identity (they are one record)
            }
            if (d.decision().equals("LINK")) {
                must.add(new int[] {a, b});
            } else if (d.decision().equals("NOT_LINK")) {
                cannot.add(new int[] {a, b});
            }
        }
        return new ClusterConstraints(must.stream().mapToInt(x -> x[0]).toArray(),
                must.stream().mapToInt(x -> x[1]).toArray(), cannot.stream().mapToInt(x -> x[0]).toArray(),
                cannot.stream().mapToInt(x -> x[1]).toArray());
    }

    /**
     * How confidently each record is attached to its person: the best probability of a scored pair joining it to
     * another member of its cluster; 1 for a record alone, or joined only by a reviewer's decision.
     */
    private static double[] confidence(LinkResult linked, Map<Integer, List<Integer>> members, int[] clusterOf) {
        double[] best = new double[clusterOf.length];
        java.util.Arrays.fill(best, -1);
        int[] l = linked.pairs().left();
        int[] r = linked.pairs().right();
        for (int p = 0; p < linked.pairs().size(); p++) {
            if (clusterOf[l[p]] == clusterOf[r[p]]) {
                double prob = MatchWeights.probability(linked.weights()[p]);
                best[l[p]] = Math.max(best[l[p]], prob);
                best[r[p]] = Math.max(best[r[p]], prob);
            }
        }
        for (int i = 0; i < best.length; i++) {
            if (best[i] < 0) {
                best[i] = 1.0;
            }
        }
        return best;
    }

    private List<Build.ReviewRow> review(LinkResult linked, RecordTable records, List<List<PersonPart>> partsOf,
                                         Map<String, String> personOfKey) {
        List<Build.ReviewRow> out = new ArrayList<>();
        Linker.Explainer explainer = Linker.explainer(linked.model(), records, LinkageLookups.standard());
        for (ReviewPair p : linked.clustering().reviewPairs()) {
            out.add(reviewRow("UNCERTAIN", p.left(), p.right(), p.weight(), explainer, partsOf, personOfKey));
        }
        for (ClusterAssessment a : linked.clustering().needingAttention()) {
            for (ClusterReason reason : a.reasons()) {
                out.add(reviewRow("BROKEN_CLUSTER", reason.left(), reason.right(), reason.weight(), explainer,
                        partsOf, personOfKey));
            }
        }
        return out;
    }

    private Build.ReviewRow reviewRow(String kind, int a, int b, double weight, Linker.Explainer explainer,
                                      List<List<PersonPart>> partsOf, Map<String, String> personOfKey) {
        String ka = partsOf.get(a).get(0).key();
        String kb = partsOf.get(b).get(0).key();
        Explanation e = explainer.explain(a, b);
        return new Build.ReviewRow(kind, ka, kb, personOfKey.get(ka), personOfKey.get(kb), weight,
                MatchWeights.probability(weight), explanationJson(e));
    }

    static String explanationJson(Explanation e) {
        List<Map<String, Object>> bars = new ArrayList<>();
        for (ComparisonContribution c : e.contributions()) {
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("comparison", c.comparisonName());
            bar.put("level", c.levelLabel());
            bar.put("weight", Math.round(c.log2Contribution() * 1000) / 1000.0);
            bars.add(bar);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("prior", Math.round(e.priorWeight() * 1000) / 1000.0);
        out.put("bars", bars);
        out.put("total", Math.round(e.totalWeight() * 1000) / 1000.0);
        out.put("probability", e.probability());
        return Json.write(out);
    }

    private static String reasonsJson(ClusterAssessment a, RecordTable records) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ClusterReason r : a.reasons()) {
            out.add(Map.of("record_a", records.id(r.left()), "record_b", records.id(r.right()), "weight",
                    r.weight(), "reason", r.text()));
        }
        return Json.write(out);
    }

    /** The name, date of birth and sex most of a person's records agree on (ties: alphabetical, for stability). */
    private static PersonSummary summarise(String id, List<PersonPart> parts) {
        String forename = mode(parts, "forename");
        String surname = mode(parts, "surname");
        String dob = mode(parts, "date_of_birth");
        Optional<LocalDate> born;
        try {
            born = dob.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(dob));
        } catch (java.time.format.DateTimeParseException e) {
            born = Optional.empty();
        }
        return new PersonSummary(id, forename, surname, born, Sex.of(mode(parts, "sex")));
    }

    /** The same summary, made from stored records' identity fields. */
    private static PersonSummary summariseIdentities(String id, List<Map<String, String>> identities) {
        Optional<LocalDate> born;
        String dob = modeOf(identities, "date_of_birth");
        try {
            born = dob.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(dob));
        } catch (java.time.format.DateTimeParseException e) {
            born = Optional.empty();
        }
        return new PersonSummary(id, modeOf(identities, "forename"), modeOf(identities, "surname"), born,
                Sex.of(modeOf(identities, "sex")));
    }

    private static String modeOf(List<Map<String, String>> identities, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Map<String, String> identity : identities) {
            String v = identity.getOrDefault(field, "").strip();
            if (!v.isEmpty()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                .map(Map.Entry::getKey).orElse("");
    }

    private static String mode(List<PersonPart> parts, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PersonPart p : parts) {
            String v = p.field(field);
            if (!v.isEmpty()) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
                .map(Map.Entry::getKey).orElse("");
    }

    /** A part as relationship and residence inference read it: its person, source, fields and the day it shows. */
    static PersonRow personRow(PersonPart p, String person, Optional<LocalDate> seenOn) {
        return new PersonRow(person, source(p.row()), part(p), unprefixed(p), seenOn);
    }

    private static String part(PersonPart p) {
        return p.prefix().isEmpty() ? "" : p.prefix().substring(0, p.prefix().length() - 1);
    }

    private static Map<String, String> unprefixed(PersonPart p) {
        Map<String, String> out = new HashMap<>();
        p.row().values().forEach((k, v) -> {
            if (p.prefix().isEmpty() ? !k.contains(".") || k.startsWith("attribute.") : k.startsWith(p.prefix())) {
                out.put(p.prefix().isEmpty() ? k : k.substring(p.prefix().length()), v);
            }
        });
        if (!p.prefix().isEmpty()) {
            // The second person shares the row's date and place, not its subject's identity.
            for (String shared : List.of("event_date", "event_datetime", "record_key")) {
                out.putIfAbsent(shared, p.row().values().getOrDefault(shared, ""));
            }
        }
        return out;
    }

    static SourceRef source(StoredRow r) {
        return new SourceRef(r.agency(), r.definitionId(), r.fileId(), r.rowNumber());
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
