package org.threadline.store.indicators;

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
import javax.sql.DataSource;
import org.threadline.domain.indicators.alerts.Actor;
import org.threadline.domain.indicators.alerts.Alert;
import org.threadline.domain.indicators.alerts.AlertState;
import org.threadline.domain.indicators.alerts.AlertStep;
import org.threadline.domain.indicators.alerts.Decision;
import org.threadline.domain.indicators.alerts.Recipient;
import org.threadline.store.StoreException;

/**
 * Alerts and their steps. Raising is idempotent (the alert id is derived from its evidence, so the same alert is
 * stored once); a step is stored only if the alert is still in the state the step started from, so two people
 * acknowledging at once cannot both succeed.
 */
public final class AlertStore {
    static final String INSERT_ALERT = "INSERT INTO alert (alert_id, subject_person_id, trigger_id, indicator_id,"
            + " rulebook, recipient_agency, recipient_role, recipient_organisation, evidence, statements, raised_at,"
            + " due_by, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)"
            + " ON CONFLICT (alert_id) DO NOTHING";
    static final String INSERT_STEP = "INSERT INTO alert_step (alert_id, seq, state, at, by_name, by_agency,"
            + " decision, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String MOVE = "UPDATE alert SET state = ? WHERE alert_id = ? AND state = ?";
    static final String SELECT = "SELECT a.alert_id, subject_person_id, trigger_id, indicator_id, rulebook,"
            + " recipient_agency, recipient_role, recipient_organisation, evidence::text, statements::text, raised_at,"
            + " due_by, s.seq, s.state, s.at, s.by_name, s.by_agency, s.decision, s.reason"
            + " FROM alert a JOIN alert_step s ON s.alert_id = a.alert_id";

    /** What happened to a step handed to {@link #record}. */
    public enum Recorded { STORED, CONFLICT }

    private final DataSource dataSource;

    public AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a newly raised alert; false if it was already stored (the same evidence raised it before). */
    public boolean raise(Alert alert) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean stored = raise(c, alert);
                if (stored) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Raising alert " + alert.alertId() + " failed (" + INSERT_ALERT + "): "
                    + StoreException.reason(e), e);
        }
    }

    /**
     * Stores a newly raised alert in the caller's transaction (so its audit entry commits with it, or neither does);
     * false if it was already stored. The caller commits or rolls back.
     */
    public boolean raise(Connection c, Alert alert) throws SQLException {
        if (alert.history().size() != 1) {
            throw new IllegalArgumentException("only a newly raised alert is raised: " + alert.alertId());
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_ALERT)) {
            s.setString(1, alert.alertId());
            s.setString(2, alert.subjectPersonId());
            s.setString(3, alert.triggerId());
            s.setString(4, alert.indicatorId());
            s.setString(5, alert.rulebook());
            s.setString(6, alert.recipient().agency());
            s.setString(7, alert.recipient().role());
            s.setString(8, alert.recipient().organisation().orElse(null));
            s.setString(9, EvidenceJson.strings(alert.evidence()));
            s.setString(10, EvidenceJson.strings(alert.statements()));
            s.setTimestamp(11, Timestamp.from(alert.raisedAt()));
            s.setTimestamp(12, Timestamp.from(alert.dueBy()));
            s.setString(13, AlertState.RAISED.name());
            if (s.executeUpdate() == 0) {
                return false;
            }
            insertStep(c, alert.alertId(), 0, alert.history().get(0));
            return true;
        }
    }

    /**
     * Stores the last step of {@code after} (an alert as returned by one of its transitions), if the stored alert is
     * still in the state before that step; otherwise nothing is stored and CONFLICT says someone else moved it.
     */
    public Recorded record(Alert after) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Recorded r = record(c, after);
                if (r == Recorded.STORED) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return r;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Recording a step on alert " + after.alertId() + " failed: " + StoreException.reason(e),
                    e);
        }
    }

    /**
     * As {@link #record(Alert)}, in the caller's open transaction, so that the step and what must go with it (its
     * audit entry) are committed together or not at all. On CONFLICT nothing was written.
     */
    public Recorded record(Connection c, Alert after) {
        int seq = after.history().size() - 1;
        if (seq < 1) {
            throw new IllegalArgumentException("no step to record on " + after.alertId());
        }
        AlertStep step = after.history().get(seq);
        AlertState from = after.history().get(seq - 1).state();
        try (PreparedStatement m = c.prepareStatement(MOVE)) {
            if (c.getAutoCommit()) {
                throw new IllegalStateException("a step is recorded in the caller's transaction: turn auto-commit"
                        + " off");
            }
            m.setString(1, step.state().name());
            m.setString(2, after.alertId());
            m.setString(3, from.name());
            if (m.executeUpdate() == 0) {
                return Recorded.CONFLICT;
            }
            insertStep(c, after.alertId(), seq, step);
            return Recorded.STORED;
        } catch (SQLException e) {
            throw new StoreException("Recording a step on alert " + after.alertId() + " failed (" + MOVE + "): "
                    + StoreException.reason(e), e);
        }
    }

    private static final String CITES = "EXISTS (SELECT 1 FROM jsonb_array_elements_text(evidence) e"
            + " WHERE e = ANY (?))";

    /**
     * How many alerts cite any of these events (their evidence is event ids), in the caller's transaction: what a
     * rectification of the events' row will mark.
     */
    public static long citing(Connection c, java.util.Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM alert WHERE " + CITES)) {
            s.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Counting the alerts citing corrected events failed: " + StoreException.reason(e),
                    e);
        }
    }

    /**
     * Marks every alert citing any of these events as resting on evidence rectified by audit entry {@code entry} at
     * {@code at} (V24): the alert itself, its state and its history stay as they are. In the caller's transaction,
     * which must have appended that RECTIFICATION entry and named it (the database refuses a mark otherwise).
     * Returns how many alerts were marked.
     */
    public static long markRectified(Connection c, java.util.Collection<String> eventIds, long entry, Instant at) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_rectification (alert_id, audit_entry,"
                + " rectified_at) SELECT alert_id, ?, ? FROM alert WHERE " + CITES
                + " ON CONFLICT DO NOTHING")) {
            s.setLong(1, entry);
            s.setTimestamp(2, Timestamp.from(at));
            s.setArray(3, c.createArrayOf("text", eventIds.toArray()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Marking the alerts citing corrected events failed: " + StoreException.reason(e),
                    e);
        }
    }

    /** When the evidence of each of these alerts was rectified (oldest first); alerts never affected are absent. */
    public Map<String, List<Instant>> rectified(java.util.Collection<String> alertIds) {
        Map<String, List<Instant>> out = new LinkedHashMap<>();
        if (alertIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT alert_id,"
                + " rectified_at FROM alert_rectification WHERE alert_id = ANY (?) ORDER BY rectified_at,"
                + " audit_entry")) {
            s.setArray(1, c.createArrayOf("text", alertIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getTimestamp(2).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the rectifications of alerts failed: " + StoreException.reason(e), e);
        }
        return out;
    }

    public Optional<Alert> find(String alertId) {
        return query(" WHERE a.alert_id = ?", alertId, null).stream().findFirst();
    }

    /** Alerts routed to an agency, oldest first. */
    public List<Alert> forAgency(String agency) {
        return query(" WHERE a.recipient_agency = ?", agency, null);
    }

    /** Alerts still not acknowledged after their due time. */
    public List<Alert> overdue(Instant now) {
        return query(" WHERE a.state = 'RAISED' AND a.due_by < ?", null, now);
    }

    public List<Alert> all() {
        return query("", null, null);
    }

    private List<Alert> query(String where, String text, Instant instant) {
        String sql = SELECT + where + " ORDER BY a.raised_at, a.alert_id, s.seq";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (text != null) {
                s.setString(1, text);
            } else if (instant != null) {
                s.setTimestamp(1, Timestamp.from(instant));
            }
            Map<String, Object[]> heads = new LinkedHashMap<>();
            Map<String, List<AlertStep>> steps = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    heads.computeIfAbsent(id, k -> {
                        try {
                            return new Object[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                new Recipient(rs.getString(6), rs.getString(7), Optional.ofNullable(rs.getString(8))),
                                EvidenceJson.strings(rs.getString(9)), EvidenceJson.strings(rs.getString(10)),
                                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant()};
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String decision = rs.getString(18);
                    steps.computeIfAbsent(id, k -> new ArrayList<>()).add(new AlertStep(
                            AlertState.valueOf(rs.getString(14)), rs.getTimestamp(15).toInstant(),
                            new Actor(rs.getString(16), rs.getString(17)), decision == null ? Optional.empty()
                            : Optional.of(new Decision(Decision.Outcome.valueOf(decision), rs.getString(19)))));
                }
            }
            List<Alert> out = new ArrayList<>();
            heads.forEach((id, h) -> out.add(alert(id, h, steps.get(id))));
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading alerts failed (" + sql + "): " + StoreException.reason(e), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Alert alert(String id, Object[] h, List<AlertStep> steps) {
        return new Alert(id, (String) h[0], (String) h[1], (String) h[2], (String) h[3], (Recipient) h[4],
                (List<String>) h[5], (List<String>) h[6], (Instant) h[7], (Instant) h[8], steps);
    }

    private static void insertStep(Connection c, String alertId, int seq, AlertStep step) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_STEP)) {
            s.setString(1, alertId);
            s.setInt(2, seq);
            s.setString(3, step.state().name());
            s.setTimestamp(4, Timestamp.from(step.at()));
            s.setString(5, step.by().name());
            s.setString(6, step.by().agency());
            s.setString(7, step.decision().map(d -> d.outcome().name()).orElse(null));
            s.setString(8, step.decision().map(Decision::reason).orElse(null));
            s.executeUpdate();
        }
    }
}
