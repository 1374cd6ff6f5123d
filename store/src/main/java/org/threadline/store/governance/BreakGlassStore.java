package org.threadline.store.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.threadline.store.StoreException;

/**
 * Break-glass grants, the review each one needs and the notifications it sends (V11, ADR 0018). The writes take the
 * caller's connection so that the grant, its review task, its notifications and its audit entry are committed
 * together or not at all; the reads open their own. The time is always given by the caller (its injected clock).
 */
public final class BreakGlassStore {
    /** What the reviewer found. */
    public enum Outcome { APPROPRIATE, INAPPROPRIATE, NEEDS_FOLLOW_UP }

    /** Someone the agreement's rule says must be told: a role ({@code dpo}) at a party ({@code police}). */
    public record Recipient(String role, String party) {
        public Recipient {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(party, "party");
        }
    }

    /** A grant to record, with the review's due time and who to tell. */
    public record NewGrant(String username, String agency, String party, String role, String subject, String purpose,
                           String caseReference, String reasonCode, String reason, String agreementId,
                           int agreementVersion, Instant grantedAt, Instant expiresAt, Instant reviewDue,
                           List<Recipient> recipients) {
        public NewGrant {
            recipients = List.copyOf(recipients);
            if (!expiresAt.isAfter(grantedAt)) {
                throw new IllegalArgumentException("a grant must expire after it is granted");
            }
        }
    }

    /** A recorded review. */
    public record Review(String reviewer, Outcome outcome, String reason, Instant reviewedAt) {
    }

    /** A stored grant with its review task (and the review, once recorded). */
    public record Grant(long grantId, String username, String agency, String party, String role, String subject,
                        String purpose, String caseReference, String reasonCode, String reason, String agreementId,
                        int agreementVersion, Instant grantedAt, Instant expiresAt, Optional<Instant> endedAt,
                        Instant reviewDue, Optional<Review> review, int notified, Optional<String> endedBy,
                        boolean erased) {
        /** In force at {@code now}: granted, not yet expired, not ended. */
        public boolean liveAt(Instant now) {
            return !now.isBefore(grantedAt) && now.isBefore(expiresAt) && endedAt.isEmpty();
        }

        /** The review is still to be done and its due time has passed. */
        public boolean reviewOverdueAt(Instant now) {
            return review.isEmpty() && !now.isBefore(reviewDue);
        }

        public String agreement() {
            return agreementId + "@" + agreementVersion;
        }
    }

    static final String SELECT = "SELECT g.grant_id, username, agency, party, role, subject_person_id, purpose,"
            + " case_reference, reason_code, g.reason, agreement_id, agreement_version, granted_at, expires_at,"
            + " ended_at, r.due_at, r.reviewer, r.outcome, r.reason, r.reviewed_at,"
            + " (SELECT count(*) FROM break_glass_notification n WHERE n.grant_id = g.grant_id),"
            + " g.ended_by, g.erased_by_entry"
            + " FROM break_glass_grant g JOIN break_glass_review r ON r.grant_id = g.grant_id";

    private final DataSource dataSource;

    public BreakGlassStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a grant, its review task and its notifications in the caller's transaction; returns its id. */
    public long grant(Connection c, NewGrant g) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO break_glass_grant (username, agency, party, role,"
                + " subject_person_id, purpose, case_reference, reason_code, reason, agreement_id, agreement_version,"
                + " granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING grant_id")) {
            s.setString(1, g.username());
            s.setString(2, g.agency());
            s.setString(3, g.party());
            s.setString(4, g.role());
            s.setString(5, g.subject());
            s.setString(6, g.purpose());
            s.setString(7, g.caseReference());
            s.setString(8, g.reasonCode());
            s.setString(9, g.reason());
            s.setString(10, g.agreementId());
            s.setInt(11, g.agreementVersion());
            s.setTimestamp(12, Timestamp.from(g.grantedAt()));
            s.setTimestamp(13, Timestamp.from(g.expiresAt()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO break_glass_review (grant_id, due_at)"
                + " VALUES (?, ?)")) {
            s.setLong(1, id);
            s.setTimestamp(2, Timestamp.from(g.reviewDue()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO break_glass_notification (grant_id,"
                + " recipient_role, recipient_party, created_at) VALUES (?, ?, ?, ?)")) {
            for (Recipient to : g.recipients()) {
                s.setLong(1, id);
                s.setString(2, to.role());
                s.setString(3, to.party());
                s.setTimestamp(4, Timestamp.from(g.grantedAt()));
                s.addBatch();
            }
            s.executeBatch();
        }
        return id;
    }

    /**
     * Records the review of a grant in the caller's transaction, once: false if it was already reviewed (or there is
     * no such grant), so two reviewers at once cannot both succeed.
     */
    public boolean review(Connection c, long grantId, Review review) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE break_glass_review SET reviewer = ?, outcome = ?,"
                + " reason = ?, reviewed_at = ? WHERE grant_id = ? AND outcome IS NULL")) {
            s.setString(1, review.reviewer());
            s.setString(2, review.outcome().name());
            s.setString(3, review.reason());
            s.setTimestamp(4, Timestamp.from(review.reviewedAt()));
            s.setLong(5, grantId);
            return s.executeUpdate() == 1;
        }
    }

    /** The grant that lets this person see this subject at {@code now}, if any (the latest to expire). */
    public Optional<Grant> live(String username, String subject, Instant now) {
        List<Grant> found = query(SELECT + " WHERE username = ? AND subject_person_id = ? AND granted_at <= ?"
                + " AND expires_at > ? AND ended_at IS NULL ORDER BY expires_at DESC LIMIT 1", s -> {
                    s.setString(1, username);
                    s.setString(2, subject);
                    s.setTimestamp(3, Timestamp.from(now));
                    s.setTimestamp(4, Timestamp.from(now));
                });
        return found.stream().findFirst();
    }

    /**
     * Ends a live grant before it expires, in the caller's transaction: stamps when and by whom, once. False if the
     * grant is not live at {@code at} (already ended, expired, not yet begun, or no such grant).
     */
    public boolean end(Connection c, long grantId, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE break_glass_grant SET ended_at = ?, ended_by = ?"
                + " WHERE grant_id = ? AND ended_at IS NULL AND granted_at <= ? AND expires_at > ?")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, by);
            s.setLong(3, grantId);
            s.setTimestamp(4, Timestamp.from(at));
            s.setTimestamp(5, Timestamp.from(at));
            return s.executeUpdate() == 1;
        }
    }

    /** Someone who was granted break-glass more often than the threshold in the window, and how often. */
    public record Frequent(String username, String agency, String party, int grants, Instant latest) {
    }

    /**
     * The users granted break-glass more than {@code threshold} times since {@code since} (up to {@code until}),
     * most grants first: the pattern a reviewer looks for beside each single use.
     */
    public List<Frequent> frequent(Instant since, Instant until, int threshold) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT username, max(agency), max(party), count(*),"
                     + " max(granted_at) FROM break_glass_grant WHERE granted_at >= ? AND granted_at <= ?"
                     + " GROUP BY username HAVING count(*) > ? ORDER BY count(*) DESC, username")) {
            s.setTimestamp(1, Timestamp.from(since));
            s.setTimestamp(2, Timestamp.from(until));
            s.setInt(3, threshold);
            List<Frequent> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Frequent(r.getString(1), r.getString(2), r.getString(3), r.getInt(4),
                            r.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Counting break-glass grants per user failed: " + StoreException.reason(e), e);
        }
    }

    /** How many grants are about these persons (and not yet blanked by an erasure). */
    static long countAbout(Connection c, String[] persons) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM break_glass_grant"
                + " WHERE subject_person_id = ANY(?) AND erased_by_entry IS NULL")) {
            s.setArray(1, c.createArrayOf("text", persons));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Blanks what the grants about these persons say of them (subject, case reference, written reason, and a recorded
     * review's written reason), naming the ERASURE audit entry: only in the transaction that appended that entry and
     * set {@code threadline.erasure_entry} to it (the V16 triggers refuse it otherwise). The rest of each use stays.
     */
    static long eraseAbout(Connection c, String[] persons, long entry) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE break_glass_review r SET reason = '',"
                + " erased_by_entry = ? FROM break_glass_grant g WHERE g.grant_id = r.grant_id"
                + " AND g.subject_person_id = ANY(?) AND g.erased_by_entry IS NULL AND r.outcome IS NOT NULL")) {
            s.setLong(1, entry);
            s.setArray(2, c.createArrayOf("text", persons));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE break_glass_grant SET subject_person_id = '',"
                + " case_reference = '', reason = '', erased_by_entry = ? WHERE subject_person_id = ANY(?)"
                + " AND erased_by_entry IS NULL")) {
            s.setLong(1, entry);
            s.setArray(2, c.createArrayOf("text", persons));
            return s.executeUpdate();
        }
    }

    public Optional<Grant> find(long grantId) {
        return query(SELECT + " WHERE g.grant_id = ?", s -> s.setLong(1, grantId)).stream().findFirst();
    }

    /** The newest grants, newest first. */
    public List<Grant> newest(int limit) {
        return query(SELECT + " ORDER BY g.granted_at DESC, g.grant_id DESC LIMIT ?", s -> s.setInt(1, limit));
    }

    /**
     * How many grants sent this role (at any party) a notification nobody has read yet: one grant tells the role at
     * several parties, and is one thing to look at.
     */
    public int unread(String recipientRole) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(DISTINCT grant_id) FROM break_glass_notification"
                     + " WHERE recipient_role = ? AND read_at IS NULL")) {
            s.setString(1, recipientRole);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Counting break-glass notifications failed: " + StoreException.reason(e), e);
        }
    }

    /** Stamps every unread notification to this role as read by {@code by}; returns how many. */
    public int markRead(Connection c, String recipientRole, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE break_glass_notification SET read_at = ?, read_by = ?"
                + " WHERE recipient_role = ? AND read_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, by);
            s.setString(3, recipientRole);
            return s.executeUpdate();
        }
    }

    /** The notifications a grant sent, as {@code role@party}, in the order they were made. */
    public List<String> recipients(long grantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT recipient_role, recipient_party FROM"
                     + " break_glass_notification WHERE grant_id = ? ORDER BY notification_id")) {
            s.setLong(1, grantId);
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1) + "@" + r.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading break-glass notifications failed: " + StoreException.reason(e), e);
        }
    }

    /**
     * Whom a person is, as notifications are addressed (ADR 0026): the roles they hold at every party (a partnership's
     * data protection officer), and each {@code role@party} they hold ({@code role@*} for a notification the rule
     * addressed to no party in particular).
     */
    public record Addressee(String username, Set<String> rolesAtEveryParty, Set<String> rolesAtParties) {
        public Addressee {
            Objects.requireNonNull(username, "username");
            rolesAtEveryParty = Set.copyOf(rolesAtEveryParty);
            rolesAtParties = Set.copyOf(rolesAtParties);
        }

        /** Holds nothing any notification can be addressed to. */
        public boolean none() {
            return rolesAtEveryParty.isEmpty() && rolesAtParties.isEmpty();
        }
    }

    /** A notification as it was addressed: to a role at a party, about a grant. */
    public record Addressed(long notificationId, long grantId, String role, String party, Instant createdAt) {
    }

    /** A notification as one recipient sees it: the grant, and when this person read it, if they have. */
    public record Notice(Addressed addressed, Optional<Instant> readAt, Grant grant) {
    }

    private static final String TO_ADDRESSEE = " (n.recipient_role = ANY(?)"
            + " OR (n.recipient_role || '@' || n.recipient_party) = ANY(?))";

    /** The notifications addressed to this person, newest first, at most {@code limit}. */
    public List<Notice> noticesFor(Addressee a, int limit) {
        if (a.none()) {
            return List.of();
        }
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT n.notification_id, n.grant_id, n.recipient_role,"
                     + " n.recipient_party, n.created_at, r.read_at FROM break_glass_notification n"
                     + " LEFT JOIN break_glass_notification_read r ON r.notification_id = n.notification_id"
                     + " AND r.username = ? WHERE" + TO_ADDRESSEE
                     + " ORDER BY n.created_at DESC, n.notification_id DESC LIMIT ?")) {
            s.setString(1, a.username());
            s.setArray(2, c.createArrayOf("text", a.rolesAtEveryParty().toArray()));
            s.setArray(3, c.createArrayOf("text", a.rolesAtParties().toArray()));
            s.setInt(4, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {new Addressed(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                            r.getTimestamp(5).toInstant()), Optional.ofNullable(r.getTimestamp(6))
                            .map(Timestamp::toInstant)});
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading break-glass notifications failed: " + StoreException.reason(e), e);
        }
        return withGrants(rows);
    }

    @SuppressWarnings("unchecked")
    private List<Notice> withGrants(List<Object[]> rows) {
        Long[] ids = rows.stream().map(x -> ((Addressed) x[0]).grantId()).distinct().toArray(Long[]::new);
        java.util.Map<Long, Grant> grants = new java.util.HashMap<>();
        if (ids.length > 0) {
            try (Connection c = dataSource.getConnection()) {
                java.sql.Array array = c.createArrayOf("bigint", ids);
                query(SELECT + " WHERE g.grant_id = ANY(?)", s -> s.setArray(1, array))
                        .forEach(g -> grants.put(g.grantId(), g));
            } catch (SQLException e) {
                throw new StoreException("Reading break-glass grants failed: " + StoreException.reason(e), e);
            }
        }
        List<Notice> out = new ArrayList<>();
        for (Object[] x : rows) {
            Addressed a = (Addressed) x[0];
            out.add(new Notice(a, (Optional<Instant>) x[1], grants.get(a.grantId())));
        }
        return out;
    }

    /** How many grants notified this person without them reading it yet (one grant is one thing to look at). */
    public int unreadFor(Addressee a) {
        if (a.none()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(DISTINCT n.grant_id) FROM"
                     + " break_glass_notification n WHERE" + TO_ADDRESSEE + " AND NOT EXISTS (SELECT 1 FROM"
                     + " break_glass_notification_read r WHERE r.notification_id = n.notification_id"
                     + " AND r.username = ?)")) {
            s.setArray(1, c.createArrayOf("text", a.rolesAtEveryParty().toArray()));
            s.setArray(2, c.createArrayOf("text", a.rolesAtParties().toArray()));
            s.setString(3, a.username());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Counting break-glass notifications failed: " + StoreException.reason(e), e);
        }
    }

    /**
     * Records, in the caller's transaction, that this person read every notification addressed to them that they had
     * not read; the first reader of each is also stamped on the notification itself (V11's read_at, read_by).
     * Returns the grants newly read, in order, for the audit entry.
     */
    public List<Long> markReadFor(Connection c, Addressee a, Instant at) throws SQLException {
        if (a.none()) {
            return List.of();
        }
        List<Long> notifications = new ArrayList<>();
        java.util.SortedSet<Long> grants = new java.util.TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("WITH ins AS (INSERT INTO break_glass_notification_read"
                + " (notification_id, username, read_at) SELECT n.notification_id, ?, ? FROM break_glass_notification n"
                + " WHERE" + TO_ADDRESSEE + " ON CONFLICT DO NOTHING RETURNING notification_id)"
                + " SELECT ins.notification_id, n.grant_id FROM ins JOIN break_glass_notification n"
                + " ON n.notification_id = ins.notification_id")) {
            s.setString(1, a.username());
            s.setTimestamp(2, Timestamp.from(at));
            s.setArray(3, c.createArrayOf("text", a.rolesAtEveryParty().toArray()));
            s.setArray(4, c.createArrayOf("text", a.rolesAtParties().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    notifications.add(r.getLong(1));
                    grants.add(r.getLong(2));
                }
            }
        }
        if (!notifications.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE break_glass_notification SET read_at = ?,"
                    + " read_by = ? WHERE notification_id = ANY(?) AND read_at IS NULL")) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, a.username());
                s.setArray(3, c.createArrayOf("bigint", notifications.toArray()));
                s.executeUpdate();
            }
        }
        return List.copyOf(grants);
    }

    /**
     * The notifications addressed to a party (or to no party in particular) that nobody has read yet, newest first,
     * at most {@code limit}: what a partner's own system collects for its people (ADR 0026).
     */
    public List<Notice> unreadAtParty(String party, int limit) {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT n.notification_id, n.grant_id, n.recipient_role,"
                     + " n.recipient_party, n.created_at FROM break_glass_notification n"
                     + " WHERE n.recipient_party IN (?, '*') AND NOT EXISTS (SELECT 1 FROM"
                     + " break_glass_notification_read r WHERE r.notification_id = n.notification_id)"
                     + " ORDER BY n.created_at DESC, n.notification_id DESC LIMIT ?")) {
            s.setString(1, party);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {new Addressed(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                            r.getTimestamp(5).toInstant()), Optional.<Instant>empty()});
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading break-glass notifications failed: " + StoreException.reason(e), e);
        }
        return withGrants(rows);
    }

    /** The notifications the newest {@code grants} grants sent, newest first. */
    public List<Addressed> addressedByNewest(int grants) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT n.notification_id, n.grant_id, n.recipient_role,"
                     + " n.recipient_party, n.created_at FROM break_glass_notification n WHERE n.grant_id IN"
                     + " (SELECT grant_id FROM break_glass_grant ORDER BY granted_at DESC, grant_id DESC LIMIT ?)"
                     + " ORDER BY n.created_at DESC, n.notification_id")) {
            s.setInt(1, grants);
            List<Addressed> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Addressed(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                            r.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading break-glass notifications failed: " + StoreException.reason(e), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<Grant> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<Grant> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Optional<Review> review = r.getString(18) == null ? Optional.empty() : Optional.of(new Review(
                            r.getString(17), Outcome.valueOf(r.getString(18)), r.getString(19),
                            r.getTimestamp(20).toInstant()));
                    out.add(new Grant(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                            r.getString(11), r.getInt(12), r.getTimestamp(13).toInstant(),
                            r.getTimestamp(14).toInstant(), Optional.ofNullable(r.getTimestamp(15))
                            .map(Timestamp::toInstant), r.getTimestamp(16).toInstant(), review, r.getInt(21),
                            Optional.ofNullable(r.getString(22)), r.getObject(23) != null));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading break-glass grants failed: " + StoreException.reason(e), e);
        }
    }
}
