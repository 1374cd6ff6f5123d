package org.threadline.store.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.store.StoreException;

/**
 * Replaces what the people build made of one source row - its person records (with their identity and lookup keys),
 * the chronology events sourced from it and the review items about its records - with what incremental resolution
 * made of the row as corrected, in the caller's transaction (rectification, ADR 0028). Persons are upserted: a new
 * person is added, a person whose summary changed is updated, a person left with no record is retired.
 */
public final class RowRewrite {
    /** How many rows of each kind went and came. */
    public record Counts(long recordsRemoved, long recordsWritten, long eventsRemoved, long eventsWritten,
                         long reviewItemsRemoved, long reviewItemsWritten, long personsWritten) {
    }

    private RowRewrite() {
    }

    /** Every record made of the row, as stored now. */
    public static List<Build.RecordRow> recordsOf(Connection c, long fileId, long rowNumber) {
        List<Build.RecordRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT record_key, file_id, row_number, part, person_id,"
                + " agency, definition_id, link_confidence, identity::text, linked_by FROM person_record"
                + " WHERE file_id = ? AND row_number = ? ORDER BY record_key")) {
            s.setLong(1, fileId);
            s.setLong(2, rowNumber);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Build.RecordRow(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getDouble(8),
                            PeopleStore.map(r.getString(9)), java.util.Optional.ofNullable(r.getString(10))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the records of row " + rowNumber + " of file " + fileId + " failed: "
                    + StoreException.reason(e), e);
        }
        return out;
    }

    /** The events sourced from the row, as stored now (their ids, persons and dates). */
    public static List<String[]> eventsOf(Connection c, long fileId, long rowNumber) {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT event_id, person_id, event_date::text, type FROM"
                + " chronology_event WHERE sources @> ?::jsonb ORDER BY event_id")) {
            s.setString(1, source(fileId, rowNumber));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)});
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the events of row " + rowNumber + " of file " + fileId + " failed: "
                    + StoreException.reason(e), e);
        }
        return out;
    }

    /**
     * Replaces the row's records, events and review items, and upserts {@code persons} (new persons, and persons
     * whose summary or state the change altered).
     */
    public static Counts rewrite(Connection c, long fileId, long rowNumber, Collection<Build.PersonRow> persons,
                                 List<Build.KeyedRecord> records, List<ChronologyEvent> events,
                                 List<Build.ReviewRow> review) {
        try {
            long run;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(id) FROM link_run")) {
                r.next();
                run = r.getLong(1);
            }
            String prefix = fileId + ":" + rowNumber;
            long reviewRemoved;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM review_item WHERE record_a = ? OR record_b = ?"
                    + " OR record_a LIKE ? OR record_b LIKE ?")) {
                s.setString(1, prefix);
                s.setString(2, prefix);
                s.setString(3, prefix + ":%");
                s.setString(4, prefix + ":%");
                reviewRemoved = s.executeUpdate();
            }
            long eventsRemoved;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM chronology_event WHERE sources @> ?::jsonb")) {
                s.setString(1, source(fileId, rowNumber));
                eventsRemoved = s.executeUpdate();
            }
            long recordsRemoved;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM person_record WHERE file_id = ? AND"
                    + " row_number = ?")) {
                s.setLong(1, fileId);
                s.setLong(2, rowNumber);
                recordsRemoved = s.executeUpdate();
            }
            long personsWritten = BuildRows.insertAll(c, BuildRows.PERSON, BuildRows.person(run), persons);
            long recordsWritten = BuildRows.insertAll(c, BuildRows.RECORD, BuildRows::record, records);
            long eventsWritten = BuildRows.insertAll(c, BuildRows.EVENT, BuildRows::event, events);
            long reviewWritten = BuildRows.insertAll(c, BuildRows.REVIEW, BuildRows.review(run), review);
            return new Counts(recordsRemoved, recordsWritten, eventsRemoved, eventsWritten, reviewRemoved,
                    reviewWritten, personsWritten);
        } catch (SQLException e) {
            throw new StoreException("Rewriting what was made of row " + rowNumber + " of file " + fileId
                    + " failed: " + StoreException.reason(e), e);
        }
    }

    /**
     * Replaces chronology events of other rows than the corrected one - event rows attached through its record (a
     * term's attendance by the pupil's UPN; ADR 0033): the events {@code gone} (by id) are deleted and {@code come}
     * written, in the caller's transaction. Returns how many went and came.
     */
    public static long[] replaceEvents(Connection c, Collection<String> gone, List<ChronologyEvent> come) {
        try {
            long removed = 0;
            if (!gone.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM chronology_event"
                        + " WHERE event_id = ANY (?)")) {
                    s.setArray(1, c.createArrayOf("text", gone.toArray()));
                    removed = s.executeUpdate();
                }
            }
            long written = BuildRows.insertAll(c, BuildRows.EVENT, BuildRows::event, come);
            return new long[] {removed, written};
        } catch (SQLException e) {
            throw new StoreException("Re-attaching events through a corrected record failed: "
                    + StoreException.reason(e), e);
        }
    }

    private static String source(long fileId, long rowNumber) {
        return "[{\"fileId\": " + fileId + ", \"rowNumber\": " + rowNumber + "}]";
    }
}
