package org.threadline.store.governance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.threadline.store.StoreException;

/**
 * Subject access requests, their steps and their exports (V14, ADR 0020). Each write takes the caller's connection so
 * that the change, its step and its audit entry are committed together; each change is a conditional update that
 * answers false when the request is not where the change needs it (so two people at once cannot both close it).
 * Reads open their own connection. Times are always the caller's (its injected clock).
 */
public final class SubjectAccessRequestStore {
    /** Where a request stands. */
    public enum Status { RECEIVED, IN_PROGRESS, FULFILLED, REFUSED;

        public boolean open() {
            return this == RECEIVED || this == IN_PROGRESS;
        }
    }

    /** Who asked: the person themselves, or someone acting for them (a solicitor, a parent for a young child). */
    public enum Relation { SUBJECT, REPRESENTATIVE }

    /** A request as recorded when it arrives. */
    public record NewRequest(String subject, String requesterName, Relation relation, LocalDate receivedOn,
                             LocalDate dueOn, boolean identityVerified, String recordedBy, String recordedAgency,
                             Instant recordedAt) {
        public NewRequest {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(requesterName, "requesterName");
            Objects.requireNonNull(relation, "relation");
            if (!dueOn.isAfter(receivedOn)) {
                throw new IllegalArgumentException("a request is due after it is received");
            }
        }
    }

    /** A stored request. */
    public record Request(long requestId, String subject, String requesterName, Relation relation,
                          LocalDate receivedOn, LocalDate dueOn, String recordedBy, String recordedAgency,
                          Instant recordedAt, boolean identityVerified, Status status, Optional<String> refusalReason,
                          Optional<String> closedBy, Optional<Instant> closedAt) {
        /** Still open on {@code today} after its due date. */
        public boolean overdueOn(LocalDate today) {
            return status.open() && today.isAfter(dueOn);
        }
    }

    /** One step of a request's history. */
    public record Step(String step, String takenBy, Instant takenAt, String detail) {
    }

    /** An export produced for a request. */
    public record Export(long exportId, long requestId, String producedBy, Instant producedAt, long auditSequence,
                         String folder, String withheld) {
    }

    static final String SELECT = "SELECT request_id, subject_person_id, requester_name, requester_relation,"
            + " received_on, due_on, recorded_by, recorded_agency, recorded_at, identity_verified, status,"
            + " refusal_reason, closed_by, closed_at FROM subject_access_request";

    private final DataSource dataSource;

    public SubjectAccessRequestStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a request and its first step in the caller's transaction; returns its id. */
    public long record(Connection c, NewRequest r) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO subject_access_request (subject_person_id,"
                + " requester_name, requester_relation, received_on, due_on, recorded_by, recorded_agency,"
                + " recorded_at, identity_verified, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')"
                + " RETURNING request_id")) {
            s.setString(1, r.subject());
            s.setString(2, r.requesterName());
            s.setString(3, r.relation().name());
            s.setDate(4, Date.valueOf(r.receivedOn()));
            s.setDate(5, Date.valueOf(r.dueOn()));
            s.setString(6, r.recordedBy());
            s.setString(7, r.recordedAgency());
            s.setTimestamp(8, Timestamp.from(r.recordedAt()));
            s.setBoolean(9, r.identityVerified());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        step(c, id, "RECEIVED", r.recordedBy(), r.recordedAt(), "received " + r.receivedOn() + ", due "
                + r.dueOn() + (r.identityVerified() ? ", identity verified" : ", identity not yet verified"));
        return id;
    }

    /** Records that the requester's identity is now verified; false if it already was or the request is closed. */
    public boolean verifyIdentity(Connection c, long requestId, String by, Instant at) throws SQLException {
        return change(c, "UPDATE subject_access_request SET identity_verified = true WHERE request_id = ?"
                + " AND NOT identity_verified AND status IN ('RECEIVED', 'IN_PROGRESS')", requestId)
                && step(c, requestId, "IDENTITY_VERIFIED", by, at, "");
    }

    /** Moves a received request to in progress; false if it is not received. */
    public boolean start(Connection c, long requestId, String by, Instant at) throws SQLException {
        return change(c, "UPDATE subject_access_request SET status = 'IN_PROGRESS' WHERE request_id = ?"
                + " AND status = 'RECEIVED'", requestId) && step(c, requestId, "IN_PROGRESS", by, at, "");
    }

    /**
     * Records an export produced for an open request (a received one moves to in progress with it); returns the
     * export's id, or empty if the request is not open.
     */
    public Optional<Long> recordExport(Connection c, long requestId, String by, Instant at, long auditSequence,
                                       String folder, String withheld) throws SQLException {
        Optional<Status> status = statusForUpdate(c, requestId);
        if (status.isEmpty() || !status.get().open()) {
            return Optional.empty();
        }
        if (status.get() == Status.RECEIVED) {
            start(c, requestId, by, at);
        }
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO subject_access_export (request_id, produced_by,"
                + " produced_at, audit_sequence, folder, withheld) VALUES (?, ?, ?, ?, ?, ?) RETURNING export_id")) {
            s.setLong(1, requestId);
            s.setString(2, by);
            s.setTimestamp(3, Timestamp.from(at));
            s.setLong(4, auditSequence);
            s.setString(5, folder);
            s.setString(6, withheld);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        step(c, requestId, "EXPORT_PRODUCED", by, at, "export " + id + ", audit entry " + auditSequence
                + (withheld.isEmpty() ? ", nothing withheld" : ", withheld " + withheld));
        return Optional.of(id);
    }

    /**
     * Closes an in-progress request as fulfilled: false unless the identity was verified and an export was produced
     * (the response is the export).
     */
    public boolean fulfil(Connection c, long requestId, String by, Instant at, String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE subject_access_request SET status = 'FULFILLED',"
                + " closed_by = ?, closed_at = ? WHERE request_id = ? AND status = 'IN_PROGRESS' AND identity_verified"
                + " AND EXISTS (SELECT 1 FROM subject_access_export e WHERE e.request_id = ?)")) {
            s.setString(1, by);
            s.setTimestamp(2, Timestamp.from(at));
            s.setLong(3, requestId);
            s.setLong(4, requestId);
            if (s.executeUpdate() != 1) {
                return false;
            }
        }
        return step(c, requestId, "FULFILLED", by, at, detail);
    }

    /** Closes an open request as refused, with the reason; false if it is not open. */
    public boolean refuse(Connection c, long requestId, String by, Instant at, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE subject_access_request SET status = 'REFUSED',"
                + " refusal_reason = ?, closed_by = ?, closed_at = ? WHERE request_id = ?"
                + " AND status IN ('RECEIVED', 'IN_PROGRESS')")) {
            s.setString(1, reason);
            s.setString(2, by);
            s.setTimestamp(3, Timestamp.from(at));
            s.setLong(4, requestId);
            if (s.executeUpdate() != 1) {
                return false;
            }
        }
        return step(c, requestId, "REFUSED", by, at, reason);
    }

    public Optional<Request> find(long requestId) {
        return query(SELECT + " WHERE request_id = ?", s -> s.setLong(1, requestId)).stream().findFirst();
    }

    /** The open requests, soonest due first. */
    public List<Request> open() {
        return query(SELECT + " WHERE status IN ('RECEIVED', 'IN_PROGRESS') ORDER BY due_on, request_id", s -> { });
    }

    /** The most recently closed requests, newest first. */
    public List<Request> closed(int limit) {
        return query(SELECT + " WHERE status IN ('FULFILLED', 'REFUSED') ORDER BY closed_at DESC, request_id DESC"
                + " LIMIT ?", s -> s.setInt(1, limit));
    }

    /** A request's history, in the order it happened. */
    public List<Step> steps(long requestId) {
        List<Step> out = new ArrayList<>();
        read("SELECT step, taken_by, taken_at, detail FROM subject_access_step WHERE request_id = ? ORDER BY step_id",
                s -> s.setLong(1, requestId), r -> out.add(new Step(r.getString(1), r.getString(2),
                        r.getTimestamp(3).toInstant(), r.getString(4))));
        return out;
    }

    /** The exports produced for a request, oldest first. */
    public List<Export> exports(long requestId) {
        List<Export> out = new ArrayList<>();
        read("SELECT export_id, request_id, produced_by, produced_at, audit_sequence, folder, withheld FROM"
                + " subject_access_export WHERE request_id = ? ORDER BY export_id", s -> s.setLong(1, requestId),
                r -> out.add(export(r)));
        return out;
    }

    public Optional<Export> export(long requestId, long exportId) {
        return exports(requestId).stream().filter(e -> e.exportId() == exportId).findFirst();
    }

    private static Export export(ResultSet r) throws SQLException {
        return new Export(r.getLong(1), r.getLong(2), r.getString(3), r.getTimestamp(4).toInstant(), r.getLong(5),
                r.getString(6), r.getString(7));
    }

    private static Optional<Status> statusForUpdate(Connection c, long requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status FROM subject_access_request WHERE request_id = ?"
                + " FOR UPDATE")) {
            s.setLong(1, requestId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Status.valueOf(r.getString(1))) : Optional.empty();
            }
        }
    }

    private static boolean change(Connection c, String sql, long requestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, requestId);
            return s.executeUpdate() == 1;
        }
    }

    private static boolean step(Connection c, long requestId, String step, String by, Instant at, String detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO subject_access_step (request_id, step, taken_by,"
                + " taken_at, detail) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, requestId);
            s.setString(2, step);
            s.setString(3, by);
            s.setTimestamp(4, Timestamp.from(at));
            s.setString(5, detail);
            s.executeUpdate();
        }
        return true;
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private void read(String sql, Binder binder, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading subject access requests failed: " + StoreException.reason(e), e);
        }
    }

    private List<Request> query(String sql, Binder binder) {
        List<Request> out = new ArrayList<>();
        read(sql, binder, r -> out.add(new Request(r.getLong(1), r.getString(2), r.getString(3),
                Relation.valueOf(r.getString(4)), r.getDate(5).toLocalDate(), r.getDate(6).toLocalDate(),
                r.getString(7), r.getString(8), r.getTimestamp(9).toInstant(), r.getBoolean(10),
                Status.valueOf(r.getString(11)), Optional.ofNullable(r.getString(12)),
                Optional.ofNullable(r.getString(13)), Optional.ofNullable(r.getTimestamp(14))
                .map(Timestamp::toInstant))));
        return out;
    }
}
