package org.threadline.store.people;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.people.Relationship;
import org.threadline.store.copy.CopyBuffer;

/**
 * How each kind of row a people build produces is inserted: the statement and how a value binds to it. Shared by
 * the whole-build writer and the incremental one so the two cannot drift apart.
 */
final class BuildRows {
    static final int BATCH = 2_000;

    private BuildRows() {
    }

    /** Binds one value to a prepared statement's parameters. */
    interface Binder<T> {
        void bind(PreparedStatement s, T value) throws SQLException;
    }

    /** A statement that sends its rows to the server a batch at a time, so nothing is held beyond one batch. */
    static final class Batch<T> implements AutoCloseable {
        private final PreparedStatement statement;
        private final Binder<T> binder;
        private long count;

        Batch(Connection c, String sql, Binder<T> binder) throws SQLException {
            this.statement = c.prepareStatement(sql);
            this.binder = binder;
        }

        void add(T value) throws SQLException {
            binder.bind(statement, value);
            statement.addBatch();
            if (++count % BATCH == 0) {
                statement.executeBatch();
            }
        }

        /** Sends what is left; the number of rows added. */
        long finish() throws SQLException {
            statement.executeBatch();
            return count;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    static <T> long insertAll(Connection c, String sql, Binder<T> binder, Iterable<T> values) throws SQLException {
        try (Batch<T> batch = new Batch<>(c, sql, binder)) {
            for (T v : values) {
                batch.add(v);
            }
            return batch.finish();
        }
    }

    static final String PERSON = "INSERT INTO person (person_id, state, forename, surname, date_of_birth, sex,"
            + " attention, first_run, last_run) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
            + " ON CONFLICT (person_id) DO UPDATE SET state = EXCLUDED.state, forename = EXCLUDED.forename,"
            + " surname = EXCLUDED.surname, date_of_birth = EXCLUDED.date_of_birth, sex = EXCLUDED.sex,"
            + " attention = EXCLUDED.attention, last_run = EXCLUDED.last_run";

    static Binder<Build.PersonRow> person(long run) {
        return (s, p) -> {
            s.setString(1, p.personId());
            s.setString(2, p.state());
            s.setString(3, p.forename());
            s.setString(4, p.surname());
            s.setDate(5, p.dateOfBirth().map(Date::valueOf).orElse(null));
            s.setString(6, p.sex());
            s.setString(7, p.attention());
            s.setLong(8, run);
            s.setLong(9, run);
        };
    }

    private static final String RECORD_COLUMNS = "(record_key, file_id, row_number, part, person_id, agency,"
            + " definition_id, link_confidence, identity, lookup_keys, linked_by)";

    static final String RECORD = "INSERT INTO person_record " + RECORD_COLUMNS
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";

    /** The COPY of records into {@code table} (a build's fresh copy of the live table); rows by {@link #record}. */
    static String copyRecords(String table) {
        return "COPY " + table + " " + RECORD_COLUMNS + " FROM STDIN (FORMAT csv)";
    }

    /** A record as a COPY row: the same columns, in the same order, as {@link #RECORD} binds. */
    static void record(CopyBuffer b, Build.KeyedRecord k) {
        Build.RecordRow r = k.row();
        b.field(r.recordKey()).field(r.fileId()).field(r.rowNumber()).field(r.part()).field(r.personId())
                .field(r.agency()).field(r.definitionId()).field(r.linkConfidence()).jsonObject(r.identity())
                .nullableIntArray(k.lookupKeys()).nullableField(r.linkedBy().orElse(null)).endRow();
    }

    static void record(PreparedStatement s, Build.KeyedRecord k) throws SQLException {
        Build.RecordRow r = k.row();
        s.setString(1, r.recordKey());
        s.setLong(2, r.fileId());
        s.setLong(3, r.rowNumber());
        s.setString(4, r.part());
        s.setString(5, r.personId());
        s.setString(6, r.agency());
        s.setString(7, r.definitionId());
        s.setDouble(8, r.linkConfidence());
        s.setString(9, PeopleStore.json(r.identity()));
        if (k.lookupKeys() == null) {
            s.setNull(10, java.sql.Types.ARRAY);
        } else {
            s.setArray(10, s.getConnection().createArrayOf("integer",
                    java.util.Arrays.stream(k.lookupKeys()).boxed().toArray()));
        }
        s.setString(11, r.linkedBy().orElse(null));
    }

    static final String FILE = "INSERT INTO people_file (file_id) VALUES (?) ON CONFLICT DO NOTHING";

    static void file(PreparedStatement s, Long fileId) throws SQLException {
        s.setLong(1, fileId);
    }

    static final String REVIEW = "INSERT INTO review_item (run_id, kind, record_a, record_b, person_a, person_b,"
            + " match_weight, probability, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

    static Binder<Build.ReviewRow> review(long run) {
        return (s, r) -> {
            s.setLong(1, run);
            s.setString(2, r.kind());
            s.setString(3, r.recordA());
            s.setString(4, r.recordB());
            s.setString(5, r.personA());
            s.setString(6, r.personB());
            s.setDouble(7, r.matchWeight());
            s.setDouble(8, r.probability());
            s.setString(9, r.explanationJson());
        };
    }

    private static final String EVENT_COLUMNS = "(event_id, person_id, event_date, date_precision, event_time,"
            + " end_date, agency, type, role, summary, significant, facts, sources, link_confidence)";

    static final String EVENT = "INSERT INTO chronology_event " + EVENT_COLUMNS
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)";

    /** The COPY of events into {@code table} (a build's fresh copy of the live table); rows by {@link #event}. */
    static String copyEvents(String table) {
        return "COPY " + table + " " + EVENT_COLUMNS + " FROM STDIN (FORMAT csv)";
    }

    /** An event as a COPY row: the same columns, in the same order, as {@link #EVENT} binds. */
    static void event(CopyBuffer b, ChronologyEvent e) {
        b.field(e.eventId()).field(e.personId()).nullableIso(e.date().date()).field(e.date().precision().name())
                .nullableIso(e.date().time().orElse(null)).nullableIso(e.end().map(x -> x.date()).orElse(null))
                .field(e.agency()).field(e.type()).field(e.role().name()).field(e.summary()).field(e.significant())
                .jsonObject(e.facts()).field(PeopleStore.json(e.sources())).field(e.linkConfidence()).endRow();
    }

    static void event(PreparedStatement s, ChronologyEvent e) throws SQLException {
        s.setString(1, e.eventId());
        s.setString(2, e.personId());
        s.setDate(3, Date.valueOf(e.date().date()));
        s.setString(4, e.date().precision().name());
        s.setTime(5, e.date().time().map(Time::valueOf).orElse(null));
        s.setDate(6, e.end().map(x -> Date.valueOf(x.date())).orElse(null));
        s.setString(7, e.agency());
        s.setString(8, e.type());
        s.setString(9, e.role().name());
        s.setString(10, e.summary());
        s.setBoolean(11, e.significant());
        s.setString(12, PeopleStore.json(e.facts()));
        s.setString(13, PeopleStore.json(e.sources()));
        s.setDouble(14, e.linkConfidence());
    }

    static final String RELATIONSHIP = "INSERT INTO relationship (from_person, to_person, type, basis, rule,"
            + " from_date, to_date, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

    static void relationship(PreparedStatement s, Relationship r) throws SQLException {
        s.setString(1, r.fromPerson());
        s.setString(2, r.toPerson());
        s.setString(3, r.type().name());
        s.setString(4, r.basis().name());
        s.setString(5, r.rule());
        s.setDate(6, r.from().map(Date::valueOf).orElse(null));
        s.setDate(7, r.to().map(Date::valueOf).orElse(null));
        s.setString(8, PeopleStore.json(r.evidence()));
    }

    static final String RESIDENCE = "INSERT INTO residence (person_id, address_key, address, postcode, from_date,"
            + " to_date, sources) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)";

    static void residence(PreparedStatement s, Build.ResidenceRow r) throws SQLException {
        s.setString(1, r.personId());
        s.setString(2, r.addressKey());
        s.setString(3, r.address());
        s.setString(4, r.postcode());
        s.setDate(5, Date.valueOf(r.from()));
        s.setDate(6, Date.valueOf(r.to()));
        s.setString(7, PeopleStore.json(r.sources()));
    }
}
