package org.threadline.store.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.threadline.store.StoreException;

/**
 * Markers on people that the agreements' forbid rules act on (V30, ADR 0035). The writes take the caller's
 * connection, so that each change and its {@code SUBJECT_MARKER} audit entry commit together (the table refuses to
 * commit a change without one); the reads open their own connections. A removal is a stamp: the history is kept.
 */
public final class SubjectMarkerStore {
    /** What a change came to. Only {@link #DONE} wrote anything. */
    public enum Outcome { DONE, NO_SUCH_PERSON, ALREADY_SET, NOT_SET }

    /** One marker as set, and (if removed) when, by whom and why. */
    public record Marker(String personId, String marker, Instant setAt, String setBy, String setReason,
                         Optional<Instant> removedAt, Optional<String> removedBy, Optional<String> removedReason) {
        public boolean current() {
            return removedAt.isEmpty();
        }
    }

    private final DataSource dataSource;

    public SubjectMarkerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sets a marker on a person held now, in the caller's transaction. */
    public Outcome set(Connection c, String personId, String marker, String by, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM person WHERE person_id = ?")) {
            s.setString(1, personId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Outcome.NO_SUCH_PERSON;
                }
            }
        }
        return insert(c, personId, marker, by, reason, at) ? Outcome.DONE : Outcome.ALREADY_SET;
    }

    /** Removes a person's current marker (stamped, not deleted), in the caller's transaction. */
    public Outcome remove(Connection c, String personId, String marker, String by, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE subject_marker SET removed_at = ?, removed_by = ?,"
                + " removed_reason = ? WHERE person_id = ? AND marker = ? AND removed_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, by);
            s.setString(3, reason);
            s.setString(4, personId);
            s.setString(5, marker);
            return s.executeUpdate() == 1 ? Outcome.DONE : Outcome.NOT_SET;
        }
    }

    private static boolean insert(Connection c, String personId, String marker, String by, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO subject_marker (person_id, marker, set_at, set_by,"
                + " set_reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, marker) WHERE removed_at IS NULL"
                + " DO NOTHING")) {
            s.setString(1, personId);
            s.setString(2, marker);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, by);
            s.setString(5, reason);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Carries the current markers of {@code l.from()} to {@code l.to()} after a merge or a split (ADR 0035), in the
     * people change's transaction: a marker only narrows what is released, so the person who now holds the records
     * holds the markers too. Both kinds are carried, a split as well as a merge: the records a sealed or restricted
     * person's split sends elsewhere must not become readable by the move. Returns the markers newly set on {@code
     * l.to()} (those it held already are left as they are).
     */
    public static List<String> follow(Connection c, PersonLineage l, String actor, long run, Instant at)
            throws SQLException {
        List<String> carried = new ArrayList<>();
        for (String marker : current(c, l.from())) {
            String why = "follows " + (l.kind() == PersonLineage.Kind.MERGED ? "merge" : "split") + " of " + l.from()
                    + " into " + l.to() + " (" + actor + ", run " + run + ")";
            if (insert(c, l.to(), marker, actor, why, at)) {
                carried.add(marker);
            }
        }
        return carried;
    }

    /** The person's current markers (what every read's subject carries), from the caller's connection. */
    static Set<String> current(Connection c, String personId) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT marker FROM subject_marker WHERE person_id = ?"
                + " AND removed_at IS NULL")) {
            s.setString(1, personId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The person's current markers. A failure to read is a {@link StoreException}: the read it was for then fails,
     * and nothing is shown (a marker that cannot be read must not be taken for none).
     */
    public Set<String> current(String personId) {
        try (Connection c = dataSource.getConnection()) {
            return current(c, personId);
        } catch (SQLException e) {
            throw new StoreException("Reading the person's markers failed: " + e.getMessage(), e);
        }
    }

    /** Every marker the person has had, current and removed, in the order they were set. */
    public List<Marker> history(String personId) {
        List<Marker> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT person_id, marker, set_at, set_by, set_reason,"
                     + " removed_at, removed_by, removed_reason FROM subject_marker WHERE person_id = ?"
                     + " ORDER BY marker_id")) {
            s.setString(1, personId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Marker(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(), r.getString(4),
                            r.getString(5), Optional.ofNullable(r.getTimestamp(6)).map(Timestamp::toInstant),
                            Optional.ofNullable(r.getString(7)), Optional.ofNullable(r.getString(8))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the person's markers failed: " + e.getMessage(), e);
        }
        return out;
    }
}
