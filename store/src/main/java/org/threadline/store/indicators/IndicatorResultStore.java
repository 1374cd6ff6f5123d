package org.threadline.store.indicators;

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
import java.util.Optional;
import javax.sql.DataSource;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Status;
import org.threadline.store.StoreException;

/**
 * Keeps each subject's latest evaluation per rulebook: saving replaces the subject's results under that rulebook
 * in one transaction (an indicator that no longer applies, a child turned adult, is removed with the rest).
 */
public final class IndicatorResultStore {
    static final String DELETE = "DELETE FROM indicator_result WHERE subject_person_id = ? AND rulebook_id = ?";
    static final String INSERT = "INSERT INTO indicator_result (subject_person_id, rulebook_id, indicator_id,"
            + " rulebook_version, rulebook_sha256, status, reason, evidence, as_of, evaluated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)";
    static final String SELECT = "SELECT indicator_id, status, reason, evidence::text, as_of, rulebook_version"
            + " FROM indicator_result WHERE subject_person_id = ? AND rulebook_id = ? ORDER BY indicator_id";
    static final String MET = "SELECT subject_person_id FROM indicator_result WHERE indicator_id = ?"
            + " AND status = 'MET' ORDER BY subject_person_id";

    private final DataSource dataSource;

    public IndicatorResultStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Replaces the subject's stored results under {@code rulebook} with {@code evaluation}'s. */
    public void save(Rulebook rulebook, Evaluation evaluation, Instant evaluatedAt) {
        save(rulebook, List.of(evaluation), evaluatedAt);
    }

    /** Saves many subjects' evaluations in one transaction (a batch run writes in chunks). */
    public void save(Rulebook rulebook, List<Evaluation> evaluations, Instant evaluatedAt) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement(DELETE); PreparedStatement i = c.prepareStatement(INSERT)) {
                for (Evaluation e : evaluations) {
                    if (!e.rulebook().equals(rulebook.reference())) {
                        throw new IllegalArgumentException("evaluation under " + e.rulebook() + " saved as "
                                + rulebook.reference());
                    }
                    d.setString(1, e.subjectPersonId());
                    d.setString(2, rulebook.id());
                    d.addBatch();
                    for (IndicatorResult r : e.results()) {
                        i.setString(1, e.subjectPersonId());
                        i.setString(2, rulebook.id());
                        i.setString(3, r.indicatorId());
                        i.setInt(4, rulebook.version());
                        i.setString(5, rulebook.sha256());
                        i.setString(6, r.status().name());
                        i.setString(7, r.reason());
                        i.setString(8, EvidenceJson.write(r.evidence()));
                        i.setDate(9, Date.valueOf(e.asOf()));
                        i.setTimestamp(10, Timestamp.from(evaluatedAt));
                        i.addBatch();
                    }
                }
                d.executeBatch();
                i.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Saving indicator results failed (" + INSERT + "): " + e.getMessage(), e);
        }
    }

    /** The subject's stored evaluation under a rulebook, if any: the "previous" results alerts compare against. */
    public Optional<Evaluation> load(String subjectPersonId, Rulebook rulebook) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, subjectPersonId);
            s.setString(2, rulebook.id());
            List<IndicatorResult> results = new ArrayList<>();
            LocalDate asOf = null;
            int version = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    results.add(new IndicatorResult(rs.getString(1), Status.valueOf(rs.getString(2)),
                            rs.getString(3), EvidenceJson.read(rs.getString(4))));
                    asOf = rs.getDate(5).toLocalDate();
                    version = rs.getInt(6);
                }
            }
            if (results.isEmpty()) {
                return Optional.empty();
            }
            // keep the rulebook's order, as a fresh evaluation has it
            List<IndicatorResult> ordered = new ArrayList<>();
            rulebook.indicators().forEach(ind -> results.stream().filter(r -> r.indicatorId().equals(ind.id()))
                    .findFirst().ifPresent(ordered::add));
            results.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
            return Optional.of(new Evaluation(subjectPersonId, rulebook.id() + "@" + version, asOf, ordered));
        } catch (SQLException e) {
            throw new StoreException("Reading indicator results failed (" + SELECT + "): " + e.getMessage(), e);
        }
    }

    /** The subjects with an indicator met, in id order. */
    public List<String> metBy(String indicatorId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(MET)) {
            s.setString(1, indicatorId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Reading met indicators failed (" + MET + "): " + e.getMessage(), e);
        }
    }
}
