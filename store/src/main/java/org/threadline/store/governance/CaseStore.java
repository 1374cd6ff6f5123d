package org.threadline.store.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.threadline.store.StoreException;

/**
 * The case register's storage (V20, ADR 0027): cases owned by an agency (the agreement party), opened and perhaps
 * closed, and the people linked to each, with every unlinking kept. The writes take the caller's connection, so that
 * each change and its audit entry are committed together or not at all; they lock the case row first, so a link
 * racing a close is serialised. The reads open their own connections. The time is always the caller's.
 */
public final class CaseStore {
    /** A case reference: letters, digits, '/' and '-', 3 to 32 characters, upper case (as the purpose page takes). */
    public static final Pattern REFERENCE = Pattern.compile("[A-Z0-9][A-Z0-9/-]{2,31}");
    /** A person id as the people build allocates them. */
    public static final Pattern PERSON_ID = Pattern.compile("P\\d{7}");

    /** What a change came to. Only {@link #DONE} wrote anything. */
    public enum Outcome { DONE, NO_SUCH_CASE, ALREADY_EXISTS, ALREADY_LINKED, NOT_LINKED, CASE_CLOSED, NO_SUCH_PERSON,
        NOTHING_TO_CHECK }

    /**
     * Who was linked to a case, and (if they were unlinked) when and by whom; and why, when the system made or ended
     * the link rather than a person (a link that followed a merge, ADR 0031).
     */
    public record Link(String personId, Instant linkedAt, String linkedBy, Optional<Instant> unlinkedAt,
                       Optional<String> unlinkedBy, Optional<String> linkedReason, Optional<String> unlinkedReason) {
        public boolean current() {
            return unlinkedAt.isEmpty();
        }
    }

    /**
     * An item "to check" (ADR 0031): some records of the linked {@code personId} went to {@code toPerson}, whom the
     * case does not link; open until the case's owner links them or dismisses it.
     */
    public record Check(String personId, String toPerson, Instant raisedAt, String note, Optional<Instant> settledAt,
                        Optional<String> settledBy, Optional<String> settledHow) {
        public boolean open() {
            return settledAt.isEmpty();
        }
    }

    /** A stored case with its links, current and past, in the order they were made, and its items to check. */
    public record Case(long id, String agency, String reference, boolean open, Instant openedAt, String openedBy,
                       Optional<Instant> closedAt, Optional<String> closedBy, List<Link> links, List<Check> checks) {
        public Case {
            links = List.copyOf(links);
            checks = List.copyOf(checks);
        }

        public List<String> linkedNow() {
            return links.stream().filter(Link::current).map(Link::personId).toList();
        }

        /** The items still to check, oldest first. */
        public List<Check> toCheck() {
            return checks.stream().filter(Check::open).toList();
        }
    }

    private final DataSource dataSource;

    public CaseStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens a case in the caller's transaction; {@link Outcome#ALREADY_EXISTS} if the agency has that reference. */
    public Outcome open(Connection c, String agency, String reference, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_file (agency, reference, status, opened_at,"
                + " opened_by) VALUES (?, ?, 'OPEN', ?, ?) ON CONFLICT (agency, reference) DO NOTHING")) {
            s.setString(1, agency);
            s.setString(2, reference);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, by);
            return s.executeUpdate() == 1 ? Outcome.DONE : Outcome.ALREADY_EXISTS;
        }
    }

    /** Links a person (who must be held) to an open case, in the caller's transaction. */
    public Outcome link(Connection c, String agency, String reference, String personId, String by, Instant at)
            throws SQLException {
        Locked locked = lockOpen(c, agency, reference);
        if (locked.refusal() != null) {
            return locked.refusal();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM person WHERE person_id = ?")) {
            s.setString(1, personId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Outcome.NO_SUCH_PERSON;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_person (case_id, person_id, linked_at,"
                + " linked_by) VALUES (?, ?, ?, ?) ON CONFLICT (case_id, person_id) WHERE unlinked_at IS NULL"
                + " DO NOTHING")) {
            s.setLong(1, locked.caseId());
            s.setString(2, personId);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, by);
            if (s.executeUpdate() != 1) {
                return Outcome.ALREADY_LINKED;
            }
        }
        // Linking the person an item asked about answers it.
        CaseChecks.settle(c, locked.caseId(), personId, "LINKED", by, at);
        return Outcome.DONE;
    }

    /**
     * Dismisses the open case's item to check about {@code toPerson} (the owner decided not to link them), in the
     * caller's transaction; {@link Outcome#NOTHING_TO_CHECK} if there is none.
     */
    public Outcome dismiss(Connection c, String agency, String reference, String toPerson, String by, Instant at)
            throws SQLException {
        Locked locked = lockOpen(c, agency, reference);
        if (locked.refusal() != null) {
            return locked.refusal();
        }
        return CaseChecks.settle(c, locked.caseId(), toPerson, "DISMISSED", by, at) ? Outcome.DONE
                : Outcome.NOTHING_TO_CHECK;
    }

    /** Ends a person's current link to an open case (the link is stamped, not deleted), in the caller's transaction. */
    public Outcome unlink(Connection c, String agency, String reference, String personId, String by, Instant at)
            throws SQLException {
        Locked locked = lockOpen(c, agency, reference);
        if (locked.refusal() != null) {
            return locked.refusal();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE case_person SET unlinked_at = ?, unlinked_by = ?"
                + " WHERE case_id = ? AND person_id = ? AND unlinked_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, by);
            s.setLong(3, locked.caseId());
            s.setString(4, personId);
            return s.executeUpdate() == 1 ? Outcome.DONE : Outcome.NOT_LINKED;
        }
    }

    /** Closes an open case, once, in the caller's transaction. Its links stay as they were (the history). */
    public Outcome close(Connection c, String agency, String reference, String by, Instant at) throws SQLException {
        Locked locked = lockOpen(c, agency, reference);
        if (locked.refusal() != null) {
            return locked.refusal();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE case_file SET status = 'CLOSED', closed_at = ?,"
                + " closed_by = ? WHERE case_id = ? AND status = 'OPEN'")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, by);
            s.setLong(3, locked.caseId());
            return s.executeUpdate() == 1 ? Outcome.DONE : Outcome.CASE_CLOSED;
        }
    }

    /** An open case's id, its row locked until the transaction ends; or why it cannot be changed (then no id). */
    private record Locked(long caseId, Outcome refusal) {
    }

    private static Locked lockOpen(Connection c, String agency, String reference) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT case_id, status = 'OPEN' FROM case_file"
                + " WHERE agency = ? AND reference = ? FOR UPDATE")) {
            s.setString(1, agency);
            s.setString(2, reference);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return new Locked(0, Outcome.NO_SUCH_CASE);
                }
                return r.getBoolean(2) ? new Locked(r.getLong(1), null) : new Locked(0, Outcome.CASE_CLOSED);
            }
        }
    }

    /** One agency's case, with every link it has had. */
    public Optional<Case> find(String agency, String reference) {
        List<Case> found = cases(" WHERE f.agency = ? AND f.reference = ?", List.of(agency, reference), 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** An agency's cases, open ones first, then the most recently opened; closed ones only when asked for. */
    public List<Case> list(String agency, boolean withClosed, int limit) {
        return cases(" WHERE f.agency = ?" + (withClosed ? "" : " AND f.status = 'OPEN'"), List.of(agency), limit);
    }

    private List<Case> cases(String where, List<String> args, int limit) {
        String sql = "SELECT f.case_id, f.agency, f.reference, f.status, f.opened_at, f.opened_by, f.closed_at,"
                + " f.closed_by FROM case_file f" + where
                + " ORDER BY f.status = 'OPEN' DESC, f.opened_at DESC, f.case_id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Object[]> heads = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    s.setString(i + 1, args.get(i));
                }
                s.setInt(args.size() + 1, Math.max(1, limit));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        heads.put(r.getLong(1), new Object[] {r.getString(2), r.getString(3),
                            "OPEN".equals(r.getString(4)), r.getTimestamp(5).toInstant(), r.getString(6),
                            Optional.ofNullable(r.getTimestamp(7)).map(Timestamp::toInstant),
                            Optional.ofNullable(r.getString(8))});
                    }
                }
            }
            Map<Long, List<Link>> links = new LinkedHashMap<>();
            if (!heads.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("SELECT case_id, person_id, linked_at, linked_by,"
                        + " unlinked_at, unlinked_by, linked_reason, unlinked_reason FROM case_person"
                        + " WHERE case_id = ANY (?) ORDER BY link_id")) {
                    s.setArray(1, c.createArrayOf("bigint", heads.keySet().toArray()));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            links.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(new Link(r.getString(2),
                                    r.getTimestamp(3).toInstant(), r.getString(4),
                                    Optional.ofNullable(r.getTimestamp(5)).map(Timestamp::toInstant),
                                    Optional.ofNullable(r.getString(6)), Optional.ofNullable(r.getString(7)),
                                    Optional.ofNullable(r.getString(8))));
                        }
                    }
                }
            }
            Map<Long, List<Check>> checks = CaseChecks.of(c, heads.keySet());
            List<Case> out = new ArrayList<>();
            heads.forEach((id, h) -> out.add(new Case(id, (String) h[0], (String) h[1], (Boolean) h[2],
                    (Instant) h[3], (String) h[4], cast(h[5]), cast(h[6]), links.getOrDefault(id, List.of()),
                    checks.getOrDefault(id, List.of()))));
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading the case register failed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Optional<T> cast(Object o) {
        return (Optional<T>) o;
    }

    /** What the register holds now about one agency's reference: open or closed, and who is linked to it now. */
    public record Snapshot(boolean open, java.util.Set<String> linkedNow) {
        public Snapshot {
            linkedNow = java.util.Set.copyOf(linkedNow);
        }
    }

    /**
     * The case as the register answers from it, in one query: empty when the agency has no such reference. A failure
     * to read is a {@link StoreException} (the decision point then denies).
     */
    public Optional<Snapshot> snapshot(String agency, String reference) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT f.status, p.person_id FROM case_file f"
                     + " LEFT JOIN case_person p ON p.case_id = f.case_id AND p.unlinked_at IS NULL"
                     + " WHERE f.agency = ? AND f.reference = ?")) {
            s.setString(1, agency);
            s.setString(2, reference);
            try (ResultSet r = s.executeQuery()) {
                Boolean open = null;
                java.util.Set<String> linked = new java.util.HashSet<>();
                while (r.next()) {
                    open = "OPEN".equals(r.getString(1));
                    if (r.getString(2) != null) {
                        linked.add(r.getString(2));
                    }
                }
                return open == null ? Optional.empty() : Optional.of(new Snapshot(open, linked));
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the case register failed: " + e.getMessage(), e);
        }
    }
}
