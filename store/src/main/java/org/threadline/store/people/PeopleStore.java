package org.threadline.store.people;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.DatePrecision;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;
import org.threadline.domain.people.Sex;
import org.threadline.domain.people.StableIds;
import org.threadline.store.StoreException;

/**
 * Reads what the people build needs and writes what it produces. A build's write is one transaction: the derived
 * tables are replaced, persons upserted (retired ones kept, marked), so a reader sees the old build or the new one.
 */
public final class PeopleStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    public PeopleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Streams every standardised row that was not quarantined, in file and row order. */
    public void forEachRow(Consumer<StoredRow> sink) {
        forEachRow(java.util.Set.of(), sink);
    }

    /**
     * Streams the standardised, not quarantined rows of every definition except {@code skipped}, in file and row
     * order. Repeated short values (codes, dates, postcodes) are shared between rows rather than held once per row:
     * a build holds millions of rows, and most of their memory is such values.
     */
    public void forEachRow(java.util.Set<String> skipped, Consumer<StoredRow> sink) {
        forEachRow(skipped, null, sink);
    }

    /** Streams the standardised, not quarantined rows of these landed files, in file and row order. */
    public void forEachRowOf(Collection<Long> fileIds, Consumer<StoredRow> sink) {
        forEachRow(java.util.Set.of(), fileIds, sink);
    }

    /**
     * The rows are read on a thread of their own ({@link ReadAhead}) with a connection of its own from the data
     * source: one that hands every caller the same connection (a single transaction) must not be used here.
     */
    private void forEachRow(java.util.Set<String> skipped, Collection<Long> onlyFiles, Consumer<StoredRow> sink) {
        String sql = "SELECT s.file_id, s.row_number, f.agency, s.definition_id, s.fields FROM standardised_row s"
                + " JOIN landed_file f ON f.id = s.file_id WHERE NOT EXISTS (SELECT 1 FROM quarantined_row q"
                + " WHERE q.file_id = s.file_id AND q.row_number = s.row_number) AND s.definition_id <> ALL (?)"
                + (onlyFiles == null ? "" : " AND s.file_id = ANY (?)") + " ORDER BY s.file_id, s.row_number";
        ReadAhead.run("standardised rows", out -> {
            SharedValues shared = new SharedValues();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false); // a cursor, not the whole result in memory
                try (Statement hint = c.createStatement()) {
                    // Rows are stored in file and row order (intake COPYs them so), so walking the primary key reads
                    // the table nearly in order and hands rows over at once. The planner preferred sorting every row:
                    // at 3,000,000 people that spilled gigabytes to temporary files and sent nothing for minutes.
                    hint.execute("SET LOCAL enable_sort = off");
                }
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setArray(1, c.createArrayOf("text", skipped.toArray()));
                    if (onlyFiles != null) {
                        s.setArray(2, c.createArrayOf("bigint", onlyFiles.toArray()));
                    }
                    s.setFetchSize(5_000);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            out.accept(storedRow(r, shared));
                        }
                    }
                }
                c.commit();
            } catch (SQLException | java.io.IOException e) {
                throw new StoreException("Reading standardised rows failed: " + StoreException.reason(e), e);
            }
        }, sink);
    }

    /** Columns: file id, row number, agency, definition id, fields (JSON). */
    private static StoredRow storedRow(ResultSet r, SharedValues shared) throws SQLException, java.io.IOException {
        return new StoredRow(r.getLong(1), r.getLong(2), shared.of(r.getString(3)), shared.of(r.getString(4)),
                fieldValues(r.getString(5), shared));
    }

    /**
     * The values of a standardised row's fields ({@code {field: {"value": …, "outcome": …, "reason": …}}}), read
     * with the streaming parser: a build reads every row twice, and building a tree of each was a fifth of its time.
     * A field without a value reads as empty.
     */
    static Map<String, String> fieldValues(String json, SharedValues shared) throws java.io.IOException {
        Map<String, String> values = new HashMap<>();
        try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(json)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new java.io.IOException("a standardised row's fields are not a JSON object");
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = p.currentName();
                String value = "";
                if (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        boolean isValue = p.currentName().equals("value");
                        p.nextToken();
                        if (isValue && p.currentToken().isScalarValue()) {
                            value = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
                values.put(field, shared.of(value));
            }
        }
        return values;
    }

    /** The standardised rows at these (file id, row number) places, keyed "file:row"; rows no longer held are absent. */
    public Map<String, StoredRow> rowsAt(Collection<long[]> places) {
        Map<String, StoredRow> out = new HashMap<>();
        if (places.isEmpty()) {
            return out;
        }
        SharedValues shared = new SharedValues();
        String sql = "SELECT s.file_id, s.row_number, f.agency, s.definition_id, s.fields FROM standardised_row s"
                + " JOIN landed_file f ON f.id = s.file_id JOIN unnest(?::bigint[], ?::bigint[]) AS p (file_id,"
                + " row_number) ON p.file_id = s.file_id AND p.row_number = s.row_number";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("bigint", places.stream().map(p -> p[0]).toArray()));
            s.setArray(2, c.createArrayOf("bigint", places.stream().map(p -> p[1]).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    StoredRow row = storedRow(r, shared);
                    out.put(row.fileId() + ":" + row.rowNumber(), row);
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("Reading standardised rows failed: " + StoreException.reason(e), e);
        }
        return out;
    }

    /**
     * The standardised rows of {@code definitionId} whose {@code field} holds one of {@code values}: the event rows
     * attached by that key (a term's attendance by UPN) to whichever records carry it (rectification, ADR 0033). Only
     * rows a build or increment has read (a file landed since gets its events when one reads it), never quarantined
     * ones. No index serves it: it reads the rows of that feed's files (one scan of them per rectification).
     */
    public List<StoredRow> rowsCarrying(String definitionId, String field, Collection<String> values) {
        List<StoredRow> out = new ArrayList<>();
        if (values.isEmpty()) {
            return out;
        }
        SharedValues shared = new SharedValues();
        String sql = "SELECT s.file_id, s.row_number, f.agency, s.definition_id, s.fields FROM standardised_row s"
                + " JOIN landed_file f ON f.id = s.file_id WHERE f.definition_id = ? AND s.definition_id = ?"
                + " AND btrim(s.fields -> ? ->> 'value') = ANY (?)"
                + " AND EXISTS (SELECT 1 FROM people_file p WHERE p.file_id = s.file_id)"
                + " AND NOT EXISTS (SELECT 1 FROM quarantined_row q WHERE q.file_id = s.file_id"
                + " AND q.row_number = s.row_number) ORDER BY s.file_id, s.row_number";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, definitionId);
            s.setString(2, definitionId);
            s.setString(3, field);
            s.setArray(4, c.createArrayOf("text", values.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(storedRow(r, shared));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("Reading the rows of " + definitionId + " by " + field + " failed: "
                    + StoreException.reason(e), e);
        }
        return out;
    }

    /**
     * Every event made of these rows, whoever holds it. One pass over {@code chronology_event} (its sources are not
     * indexed), however many rows are asked about.
     */
    public List<ChronologyEvent> eventsFrom(Collection<long[]> places) {
        List<ChronologyEvent> out = new ArrayList<>();
        if (places.isEmpty()) {
            return out;
        }
        String[] sources = places.stream().map(p -> "[{\"fileId\": " + p[0] + ", \"rowNumber\": " + p[1] + "}]")
                .toArray(String[]::new);
        query("SELECT event_id, person_id, event_date, date_precision, event_time, end_date, agency, type, role,"
                + " summary, significant, facts::text, sources::text, link_confidence FROM chronology_event"
                + " WHERE sources @> ANY (?::jsonb[]) ORDER BY event_id", List.of((Object) sources),
                r -> out.add(event(r)));
        return out;
    }

    /** A held record found by one of its lookup keys, with the person it belongs to and all its keys. */
    public record KeyHit(String recordKey, long fileId, long rowNumber, String part, String personId,
                         String definitionId, double linkConfidence, int[] lookupKeys) {
    }

    /**
     * The records of the current build (and increments since) holding any of these lookup keys: one indexed query
     * (GIN on {@code person_record.lookup_keys}) however many people are held.
     */
    public List<KeyHit> recordsWithAnyKey(int[] keys) {
        List<KeyHit> out = new ArrayList<>();
        if (keys.length == 0) {
            return out;
        }
        query("SELECT record_key, file_id, row_number, part, person_id, definition_id, link_confidence, lookup_keys"
                + " FROM person_record WHERE lookup_keys && ?::integer[]",
                List.of((Object) boxed(keys)), r -> {
                    Integer[] held = (Integer[]) r.getArray(8).getArray();
                    out.add(new KeyHit(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getDouble(7),
                            java.util.Arrays.stream(held).mapToInt(Integer::intValue).toArray()));
                });
        return out;
    }

    /**
     * Candidate persons for a search, and whether every record of the driving criterion was read ({@code false}: it
     * held more than the cap, so persons beyond it were not looked at and the search is too broad to be complete).
     */
    public record Candidates(List<String> persons, boolean readAll) {
        public Candidates {
            persons = List.copyOf(persons);
        }
    }

    /**
     * The persons each of whose criteria is met by one of their records, a criterion being met by a record that holds
     * any of its lookup keys; at most {@code limit}, in person id order.
     *
     * <p>The criterion PostgreSQL expects the fewest records for drives (its estimate from the lookup keys'
     * statistics: planning only, no rows read), reading at most {@code driverCap} of its records; each other criterion
     * is checked on the persons found, through their own records, so a broad criterion (a common first name) is
     * never expanded on its own. Reading all of a broad driver was what made a search for a common surname alone take
     * 4 seconds at 3,000,000 people (a scan of every record), where the searcher is better told to add detail.
     */
    public Candidates personsMeetingEvery(List<int[]> criteria, int limit, int driverCap) {
        if (criteria.isEmpty()) {
            return new Candidates(List.of(), true);
        }
        List<int[]> ordered = new ArrayList<>(criteria);
        Map<int[], Double> estimate = new java.util.IdentityHashMap<>();
        for (int[] c : ordered) {
            estimate.put(c, estimatedRecords(c));
        }
        ordered.sort(java.util.Comparator.comparingDouble(estimate::get));
        List<String> driven = new ArrayList<>();
        query("SELECT person_id FROM person_record WHERE lookup_keys && ?::integer[] LIMIT " + (driverCap + 1),
                List.of((Object) boxed(ordered.get(0))), r -> driven.add(r.getString(1)));
        boolean readAll = driven.size() <= driverCap;
        java.util.TreeSet<String> persons = new java.util.TreeSet<>(readAll ? driven : driven.subList(0, driverCap));
        if (ordered.size() == 1) {
            return new Candidates(persons.stream().limit(limit).toList(), readAll);
        }
        StringBuilder sql = new StringBuilder("SELECT c.person_id FROM unnest(?::text[]) c(person_id)");
        List<Object> parameters = new ArrayList<>();
        parameters.add(persons.toArray(String[]::new));
        for (int i = 1; i < ordered.size(); i++) {
            // OFFSET 0 keeps each check a per-person subplan (through person_record_person): as a semi-join the
            // planner sometimes expanded a broad criterion (every ASHLEY) first, 115 ms against 4 ms at 3M people.
            sql.append(i == 1 ? " WHERE" : " AND").append(" EXISTS (SELECT 1 FROM person_record q WHERE q.person_id"
                    + " = c.person_id AND q.lookup_keys && ?::integer[] OFFSET 0)");
            parameters.add(boxed(ordered.get(i)));
        }
        sql.append(" ORDER BY 1 LIMIT ").append(limit);
        List<String> out = new ArrayList<>();
        query(sql.toString(), parameters, r -> out.add(r.getString(1)));
        return new Candidates(out, readAll);
    }

    /** The planner's estimate of the records holding any of these keys (from ANALYZE's element statistics). */
    private double estimatedRecords(int[] keys) {
        // The keys are integers, so the literal is safe to write into the statement, and EXPLAIN plans it as such.
        StringBuilder literal = new StringBuilder("'{");
        for (int i = 0; i < keys.length; i++) {
            literal.append(i == 0 ? "" : ",").append(keys[i]);
        }
        literal.append("}'::integer[]");
        double[] rows = {Double.MAX_VALUE};
        query("EXPLAIN (FORMAT JSON) SELECT 1 FROM person_record WHERE lookup_keys && " + literal, List.of(), r -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Plan Rows\": ([0-9.eE+]+)")
                    .matcher(r.getString(1));
            if (m.find()) {
                rows[0] = Double.parseDouble(m.group(1));
            }
        });
        return rows[0];
    }

    private static Integer[] boxed(int[] keys) {
        return java.util.Arrays.stream(keys).boxed().toArray(Integer[]::new);
    }

    /** Every record of these persons with its identity fields, in person and record order. */
    public List<Build.RecordRow> recordRowsOf(Collection<String> personIds) {
        List<Build.RecordRow> out = new ArrayList<>();
        if (personIds.isEmpty()) {
            return out;
        }
        query(RECORD_COLUMNS + " FROM person_record WHERE person_id = ANY (?) ORDER BY person_id, record_key",
                List.of((Object) personIds.toArray(String[]::new)),
                r -> out.add(recordRow(r)));
        return out;
    }

    /**
     * The scheme the current build's lookup keys were made under; empty when there is no build, or it was made
     * before the keys (V12) or before their scheme was kept (V18).
     */
    public Optional<String> lookupScheme() {
        List<String> out = new ArrayList<>();
        query("SELECT lookup_scheme FROM link_run WHERE term_frequencies IS NOT NULL AND id ="
                + " (SELECT max(id) FROM link_run)", List.of(), r -> {
            if (r.getString(1) != null) {
                out.add(r.getString(1));
            }
        });
        return out.stream().findFirst();
    }

    /** The term frequencies the latest build kept (JSON); empty before the first build or for a build before V12. */
    public Optional<String> latestTermFrequencies() {
        List<String> out = new ArrayList<>();
        query("SELECT term_frequencies::text FROM link_run ORDER BY id DESC LIMIT 1", List.of(), r -> {
            if (r.getString(1) != null) {
                out.add(r.getString(1));
            }
        });
        return out.stream().findFirst();
    }

    /** Landed files no build or increment has read yet. */
    public List<Long> filesNotBuilt() {
        List<Long> out = new ArrayList<>();
        query("SELECT id FROM landed_file f WHERE NOT EXISTS (SELECT 1 FROM people_file p WHERE p.file_id = f.id)"
                + " ORDER BY id", List.of(), r -> out.add(r.getLong(1)));
        return out;
    }

    /** Record key → person id of the current build (empty before the first). */
    public Map<String, String> currentAssignment() {
        Map<String, String> out = new HashMap<>();
        query("SELECT record_key, person_id FROM person_record", List.of(), r -> out.put(r.getString(1), r.getString(2)));
        return out;
    }

    /** A review decision about two records. */
    public record Decision(long id, String recordA, String recordB, String decision, String reason, String decidedBy,
                           String agency, Instant decidedAt, Optional<Long> supersedes) {
    }

    /** The decision in force for each pair: the latest one recorded about it. */
    public List<Decision> decisionsInForce() {
        List<Decision> out = new ArrayList<>();
        query("SELECT DISTINCT ON (record_a, record_b) id, record_a, record_b, decision, reason, decided_by, agency,"
                + " decided_at, supersedes FROM review_decision ORDER BY record_a, record_b, id DESC", List.of(),
                r -> out.add(decision(r)));
        return out;
    }

    /** Every decision ever recorded about a pair, oldest first (the record of who decided what and why). */
    public List<Decision> decisionHistory(String recordA, String recordB) {
        String a = recordA.compareTo(recordB) < 0 ? recordA : recordB;
        String b = a.equals(recordA) ? recordB : recordA;
        List<Decision> out = new ArrayList<>();
        query("SELECT id, record_a, record_b, decision, reason, decided_by, agency, decided_at, supersedes"
                + " FROM review_decision WHERE record_a = ? AND record_b = ? ORDER BY id", List.of(a, b),
                r -> out.add(decision(r)));
        return out;
    }

    /** Records a decision; a later one about the same pair supersedes (and so can reverse) the earlier. */
    public Decision decide(String recordA, String recordB, String decision, String reason, String decidedBy,
                           String agency, Instant at) {
        if (recordA.equals(recordB)) {
            throw new IllegalArgumentException("a decision needs two different records");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reason");
        }
        String a = recordA.compareTo(recordB) < 0 ? recordA : recordB;
        String b = a.equals(recordA) ? recordB : recordA;
        List<Decision> before = decisionHistory(a, b);
        Optional<Long> supersedes = before.isEmpty() ? Optional.empty() : Optional.of(before.get(before.size() - 1).id());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO review_decision (record_a, record_b, decision, reason, decided_by, agency, decided_at,"
                        + " supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            s.setString(1, a);
            s.setString(2, b);
            s.setString(3, decision);
            s.setString(4, reason.strip());
            s.setString(5, decidedBy);
            s.setString(6, agency);
            s.setTimestamp(7, Timestamp.from(at));
            if (supersedes.isPresent()) {
                s.setLong(8, supersedes.get());
            } else {
                s.setNull(8, Types.BIGINT);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Decision(r.getLong(1), a, b, decision, reason.strip(), decidedBy, agency, at, supersedes);
            }
        } catch (SQLException e) {
            throw new StoreException("Recording the decision on " + a + " and " + b + " failed: " + StoreException.reason(e), e);
        }
    }

    /** A fresh person id from the database's sequence, so ids are never reused. */
    public String nextPersonId() {
        return allocatePersonIds(1).get(0);
    }

    /**
     * Fresh person ids as a supplier that takes them from the sequence {@code block} at a time: a build that makes
     * hundreds of thousands of persons asks the database a few hundred times, not once per person. Ids a build does
     * not use are skipped, never reused.
     */
    public java.util.function.Supplier<String> personIdSupplier(int block) {
        java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
        return () -> {
            if (ready.isEmpty()) {
                ready.addAll(allocatePersonIds(block));
            }
            return ready.poll();
        };
    }

    private List<String> allocatePersonIds(int n) {
        String sql = "SELECT nextval('person_number') FROM generate_series(1, ?)";
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(String.format(java.util.Locale.ROOT, "P%07d", r.getLong(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Allocating person ids failed (" + sql + "): " + StoreException.reason(e), e);
        }
    }

    /** Writes a build atomically and returns its run id. */
    /**
     * Opens a build's one transaction; the builder writes into it as it goes and commits at the end (see
     * {@link BuildWriter}). {@code header}'s finish time is replaced at the commit.
     */
    public BuildWriter beginBuild(Build.Run header) {
        return beginBuild(header, new org.threadline.store.governance.CaseLinkSuccession(Optional.empty()));
    }

    /**
     * As {@link #beginBuild(Build.Run)}, with case links following the persons the build merges or splits and
     * recorded by {@code caseLinks}' audit log (ADR 0031). Without one, a build that would change a case fails.
     */
    public BuildWriter beginBuild(Build.Run header, org.threadline.store.governance.CaseLinkSuccession caseLinks) {
        return new BuildWriter(dataSource, header, caseLinks);
    }

    /** Writes a whole build held in memory, in one transaction (small builds, benchmarks). */
    public long write(Build b) {
        try (BuildWriter w = beginBuild(b.run())) {
            w.persons(b.persons(), b.retired());
            b.records().forEach(w::record);
            w.changes(b.changes(), b.changeReason());
            w.review(b.review());
            b.events().forEach(w::event);
            w.relationships(b.relationships());
            w.residences(b.residences());
            return w.commit(b.run().finishedAt());
        }
    }

    /** The id of the latest build; empty before the first. */
    public Optional<Long> latestRunId() {
        List<Long> out = new ArrayList<>();
        query("SELECT max(id) FROM link_run", List.of(), r -> {
            long id = r.getLong(1);
            if (!r.wasNull()) {
                out.add(id);
            }
        });
        return out.stream().findFirst();
    }

    /** The trained model of the latest build, as its JSON document; empty before the first build. */
    public Optional<String> latestTrainedModel() {
        List<String> out = new ArrayList<>();
        query("SELECT trained_model::text FROM link_run ORDER BY id DESC LIMIT 1", List.of(),
                r -> out.add(r.getString(1)));
        return out.stream().findFirst();
    }

    /**
     * Adds what incremental resolution decided for new records, in one transaction: new persons, the records, their
     * events, review items for records that only nearly matched, and the files read. Existing rows are left alone.
     */
    public void writeIncrement(List<Build.PersonRow> newPersons, List<Build.KeyedRecord> records,
                               List<ChronologyEvent> events, List<Build.ReviewRow> review,
                               Collection<Long> filesRead) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long run;
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(id) FROM link_run")) {
                    r.next();
                    run = r.getLong(1);
                }
                BuildRows.insertAll(c, BuildRows.PERSON, BuildRows.person(run), newPersons);
                BuildRows.insertAll(c, BuildRows.RECORD, BuildRows::record, records);
                BuildRows.insertAll(c, BuildRows.EVENT, BuildRows::event, events);
                BuildRows.insertAll(c, BuildRows.REVIEW, BuildRows.review(run), review);
                BuildRows.insertAll(c, BuildRows.FILE, BuildRows::file, filesRead);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Writing incrementally resolved records failed (nothing of it is visible): "
                    + StoreException.reason(e), e);
        }
    }

    // ---- reads used by the command line, the indicator engine and (later) the web application ----

    public Optional<PersonSummary> person(String personId) {
        List<PersonSummary> out = new ArrayList<>();
        query("SELECT person_id, forename, surname, date_of_birth, sex FROM person WHERE person_id = ?",
                List.of(personId), r -> out.add(summary(r)));
        return out.stream().findFirst();
    }

    public Map<String, PersonSummary> persons(Collection<String> ids) {
        Map<String, PersonSummary> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        query("SELECT person_id, forename, surname, date_of_birth, sex FROM person WHERE person_id = ANY(?)",
                List.of((Object) ids.toArray(String[]::new)), r -> out.put(r.getString(1), summary(r)));
        return out;
    }

    /** State and, for a cluster needing attention, why (JSON). */
    public Optional<String[]> personState(String personId) {
        List<String[]> out = new ArrayList<>();
        query("SELECT state, attention::text FROM person WHERE person_id = ?", List.of(personId),
                r -> out.add(new String[] {r.getString(1), r.getString(2)}));
        return out.stream().findFirst();
    }

    public List<Build.RecordRow> recordsOf(String personId) {
        List<Build.RecordRow> out = new ArrayList<>();
        query(RECORD_COLUMNS + " FROM person_record WHERE person_id = ? ORDER BY record_key", List.of(personId),
                r -> out.add(recordRow(r)));
        return out;
    }

    public Optional<Build.RecordRow> record(String recordKey) {
        List<Build.RecordRow> out = new ArrayList<>();
        query(RECORD_COLUMNS + " FROM person_record WHERE record_key = ?", List.of(recordKey),
                r -> out.add(recordRow(r)));
        return out.stream().findFirst();
    }

    /** Every person record of the current build with its identity fields (the web application's search reads them). */
    public List<Build.RecordRow> allRecordRows() {
        List<Build.RecordRow> out = new ArrayList<>();
        query(RECORD_COLUMNS + " FROM person_record ORDER BY person_id, record_key", List.of(),
                r -> out.add(recordRow(r)));
        return out;
    }

    /** Every event of these persons, in date order; one indexed query whatever the family's size. */
    public List<ChronologyEvent> events(Collection<String> personIds) {
        List<ChronologyEvent> out = new ArrayList<>();
        query("SELECT event_id, person_id, event_date, date_precision, event_time, end_date, agency, type, role,"
                + " summary, significant, facts::text, sources::text, link_confidence FROM chronology_event"
                + " WHERE person_id = ANY(?) ORDER BY event_date, event_time NULLS FIRST, event_id",
                List.of((Object) personIds.toArray(String[]::new)), r -> out.add(event(r)));
        return out;
    }

    /** Every relationship involving any of these people, in one query. */
    public List<Relationship> relationshipsOf(Collection<String> personIds) {
        List<Relationship> out = new ArrayList<>();
        if (personIds.isEmpty()) {
            return out;
        }
        Object ids = personIds.toArray(String[]::new);
        query("SELECT from_person, to_person, type, basis, rule, from_date, to_date, evidence::text FROM relationship"
                + " WHERE from_person = ANY(?) OR to_person = ANY(?) ORDER BY type, from_person, to_person",
                List.of(ids, ids), r -> out.add(relationship(r)));
        return out;
    }

    public List<Relationship> relationshipsOf(String personId) {
        List<Relationship> out = new ArrayList<>();
        query("SELECT from_person, to_person, type, basis, rule, from_date, to_date, evidence::text FROM relationship"
                + " WHERE from_person = ? OR to_person = ? ORDER BY type, from_person, to_person",
                List.of(personId, personId), r -> out.add(relationship(r)));
        return out;
    }

    /** The review queue of the latest build, strongest evidence first. */
    public List<Build.ReviewRow> reviewQueue() {
        List<Build.ReviewRow> out = new ArrayList<>();
        query("SELECT kind, record_a, record_b, person_a, person_b, match_weight, probability, explanation::text"
                + " FROM review_item ORDER BY kind, match_weight DESC, record_a, record_b", List.of(),
                r -> out.add(new Build.ReviewRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getDouble(6), r.getDouble(7), r.getString(8))));
        return out;
    }

    /** Per agency: when its data last landed and the period its events cover (so "no record" is not misread). */
    public record AgencyCoverage(String agency, Instant lastLoaded, Optional<LocalDate> firstEvent,
                                 Optional<LocalDate> lastEvent) {
    }

    public Map<String, AgencyCoverage> coverage() {
        Map<String, AgencyCoverage> out = new LinkedHashMap<>();
        query("SELECT f.agency, max(f.landed_at), (SELECT min(event_date) FROM chronology_event e WHERE e.agency ="
                + " f.agency), (SELECT max(event_date) FROM chronology_event e WHERE e.agency = f.agency)"
                + " FROM landed_file f GROUP BY f.agency ORDER BY f.agency", List.of(),
                r -> out.put(r.getString(1), new AgencyCoverage(r.getString(1), r.getTimestamp(2).toInstant(),
                        Optional.ofNullable(r.getDate(3)).map(Date::toLocalDate),
                        Optional.ofNullable(r.getDate(4)).map(Date::toLocalDate))));
        return out;
    }

    /** Each landed file's id and original name (evaluation against a synthetic population's truth uses them). */
    public Map<Long, String> fileNames() {
        Map<Long, String> out = new HashMap<>();
        query("SELECT id, original_name FROM landed_file", List.of(), r -> out.put(r.getLong(1), r.getString(2)));
        return out;
    }

    /** Every person record's key parts and person: {record_key, file_id, row_number, part, person_id}. */
    public List<String[]> allRecords() {
        List<String[]> out = new ArrayList<>();
        query("SELECT record_key, file_id, row_number, part, person_id FROM person_record", List.of(),
                r -> out.add(new String[] {r.getString(1), Long.toString(r.getLong(2)), Long.toString(r.getLong(3)),
                        r.getString(4), r.getString(5)}));
        return out;
    }

    /**
     * A child to show in a demonstration: the one present at most domestic incidents, else the person with most
     * significant events. Empty when nothing is built.
     */
    public Optional<String> sampleChild() {
        List<String> out = new ArrayList<>();
        query("SELECT person_id FROM (SELECT person_id, 1 AS rank, count(*) AS n FROM chronology_event"
                + " WHERE type = 'DOMESTIC_ABUSE_INCIDENT' AND role = 'CHILD_PRESENT' GROUP BY person_id"
                + " UNION ALL SELECT person_id, 2, count(*) FROM chronology_event WHERE significant GROUP BY person_id)"
                + " t ORDER BY rank, n DESC, person_id LIMIT 1", List.of(), r -> out.add(r.getString(1)));
        return out.stream().findFirst();
    }

    /** The persons held (not retired), in id order: the subjects a full indicator run evaluates. */
    public List<String> personIds() {
        List<String> out = new ArrayList<>();
        query("SELECT person_id FROM person WHERE state <> 'RETIRED' ORDER BY person_id", List.of(),
                r -> out.add(r.getString(1)));
        return out;
    }

    /** Each person's postcode at their latest known address: where cohort counts place them. */
    public Map<String, String> latestPostcodes() {
        Map<String, String> out = new HashMap<>();
        query("SELECT DISTINCT ON (person_id) person_id, postcode FROM residence ORDER BY person_id, to_date DESC,"
                + " from_date DESC", List.of(), r -> out.put(r.getString(1), r.getString(2)));
        return out;
    }

    /** Every relationship of the current build. */
    /** Hands each relationship's two persons to {@code sink}, streamed: for ordering, without evidence or types. */
    public void forEachTie(java.util.function.BiConsumer<String, String> sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor, not the whole result in memory
            try (PreparedStatement s = c.prepareStatement("SELECT from_person, to_person FROM relationship")) {
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        sink.accept(r.getString(1), r.getString(2));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Reading relationships failed: " + StoreException.reason(e), e);
        }
    }

    public List<Relationship> allRelationships() {
        List<Relationship> out = new ArrayList<>();
        query("SELECT from_person, to_person, type, basis, rule, from_date, to_date, evidence::text FROM relationship",
                List.of(), r -> out.add(relationship(r)));
        return out;
    }

    /** Changes recorded by the latest build. */
    public List<String> latestChanges() {
        List<String> out = new ArrayList<>();
        query("SELECT kind, before, after, records, reason FROM person_change WHERE run_id = (SELECT max(id) FROM"
                + " link_run) ORDER BY id", List.of(), r -> out.add(r.getString(1) + " " + r.getString(2) + " -> "
                + r.getString(3) + " (" + r.getInt(4) + " records): " + r.getString(5)));
        return out;
    }

    private static Decision decision(ResultSet r) throws SQLException {
        long sup = r.getLong(9);
        boolean none = r.wasNull(); // must be asked right after reading column 9, not after the others
        return new Decision(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getTimestamp(8).toInstant(),
                none ? Optional.empty() : Optional.of(sup));
    }

    private static final String RECORD_COLUMNS = "SELECT record_key, file_id, row_number, part, person_id, agency,"
            + " definition_id, link_confidence, identity, linked_by";

    private static Build.RecordRow recordRow(ResultSet r) throws SQLException {
        return new Build.RecordRow(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getDouble(8), map(r.getString(9)), Optional.ofNullable(r.getString(10)));
    }

    private static PersonSummary summary(ResultSet r) throws SQLException {
        return new PersonSummary(r.getString(1), r.getString(2), r.getString(3),
                Optional.ofNullable(r.getDate(4)).map(Date::toLocalDate), Sex.of(r.getString(5)));
    }

    private static ChronologyEvent event(ResultSet r) throws SQLException {
        LocalDate day = r.getDate(3).toLocalDate();
        DatePrecision precision = DatePrecision.valueOf(r.getString(4));
        Time time = r.getTime(5);
        EventDate date = new EventDate(day, precision, Optional.ofNullable(time).map(Time::toLocalTime));
        Optional<EventDate> end = Optional.ofNullable(r.getDate(6)).map(d -> EventDate.day(d.toLocalDate()));
        try {
            Map<String, String> facts = JSON.readValue(r.getString(12), new TypeReference<>() { });
            List<SourceRef> sources = JSON.readValue(r.getString(13), new TypeReference<>() { });
            return new ChronologyEvent(r.getString(1), r.getString(2), date, end, r.getString(7), r.getString(8),
                    EventRole.valueOf(r.getString(9)), r.getString(10), r.getBoolean(11), facts, sources,
                    r.getDouble(14));
        } catch (java.io.IOException e) {
            throw new StoreException("event " + r.getString(1) + " has unreadable JSON: " + StoreException.reason(e), e);
        }
    }

    private static Relationship relationship(ResultSet r) throws SQLException {
        try {
            List<SourceRef> evidence = JSON.readValue(r.getString(8), new TypeReference<>() { });
            return new Relationship(r.getString(1), r.getString(2), RelationshipType.valueOf(r.getString(3)),
                    Basis.valueOf(r.getString(4)), r.getString(5),
                    Optional.ofNullable(r.getDate(6)).map(Date::toLocalDate),
                    Optional.ofNullable(r.getDate(7)).map(Date::toLocalDate), evidence);
        } catch (java.io.IOException e) {
            throw new StoreException("relationship has unreadable JSON: " + StoreException.reason(e), e);
        }
    }

    static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new StoreException("unreadable JSON: " + StoreException.reason(e), e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot write JSON: " + StoreException.reason(e), e);
        }
    }

    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, RowReader reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object p = parameters.get(i);
                if (p instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("text", array));
                } else if (p instanceof Integer[] array) {
                    s.setArray(i + 1, c.createArrayOf("integer", array));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Query failed (" + sql + "): " + StoreException.reason(e), e);
        }
    }
}
