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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Status;
import org.threadline.store.StoreException;

/**
 * Keeps each subject's latest evaluation per rulebook, by exception (ADR 0029): a row per indicator met or unanswerable
 * ({@code indicator_result}, with its reason and evidence) and one row per subject and rulebook saying it was
 * evaluated, when, as of which day and which indicators were not met ({@code indicator_evaluation}). Saving replaces
 * both in one transaction (an indicator that no longer applies, a child turned adult, goes with the rest). A not-met
 * result reads back with a fixed reason: the words the engine gave are not kept, since nothing shows them.
 */
public final class IndicatorResultStore {
    /** The reason a not-met result reads back with (the engine's words are not stored). */
    public static final String NOT_MET_REASON = "not met: no evidence in the records";

    // A chunk is written in three statements, whatever its size: each row of the chunk travels in arrays (one per
    // column) and unnest() turns them back into rows. One statement per row cost PostgreSQL a statement's set-up per
    // row, and fired V27's statement triggers once per row (ADR 0034).
    static final String DELETE = "DELETE FROM indicator_result WHERE rulebook_id = ? AND subject_person_id = ANY(?)";
    static final String INSERT = "INSERT INTO indicator_result (subject_person_id, rulebook_id, indicator_id,"
            + " rulebook_version, rulebook_sha256, status, reason, evidence, as_of, evaluated_at)"
            + " SELECT r.subject, ?, r.indicator, ?, ?, r.status, r.reason, r.evidence::jsonb, r.as_of, ?"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[])"
            + " AS r(subject, indicator, status, reason, evidence, as_of)";
    // not_met travels as one comma-joined text per subject (indicator ids hold no commas: RulebookReader), because
    // unnest() would flatten an array of arrays.
    static final String EVALUATED = "INSERT INTO indicator_evaluation (subject_person_id, rulebook_id,"
            + " rulebook_version, rulebook_sha256, as_of, evaluated_at, not_met)"
            + " SELECT e.subject, ?, ?, ?, e.as_of, ?, string_to_array(e.not_met, ',')"
            + " FROM unnest(?::text[], ?::date[], ?::text[]) AS e(subject, as_of, not_met)"
            + " ON CONFLICT (subject_person_id, rulebook_id) DO UPDATE SET rulebook_version = EXCLUDED.rulebook_version,"
            + " rulebook_sha256 = EXCLUDED.rulebook_sha256, as_of = EXCLUDED.as_of,"
            + " evaluated_at = EXCLUDED.evaluated_at, not_met = EXCLUDED.not_met";
    static final String SELECT_EVALUATED = "SELECT subject_person_id, rulebook_version, as_of, not_met"
            + " FROM indicator_evaluation WHERE subject_person_id = ANY(?) AND rulebook_id = ?";
    static final String SELECT_MANY = "SELECT subject_person_id, indicator_id, status, reason, evidence::text,"
            + " as_of, rulebook_version FROM indicator_result WHERE subject_person_id = ANY(?) AND rulebook_id = ?"
            + " ORDER BY subject_person_id, indicator_id";
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
        Columns rows = Columns.of(rulebook, evaluations);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement(DELETE); PreparedStatement i = c.prepareStatement(INSERT);
                 PreparedStatement v = c.prepareStatement(EVALUATED)) {
                Timestamp at = Timestamp.from(evaluatedAt);
                d.setString(1, rulebook.id());
                d.setArray(2, c.createArrayOf("text", rows.subjects.toArray()));
                d.executeUpdate();
                bindRulebook(i, rulebook, at);
                i.setArray(5, c.createArrayOf("text", rows.resultSubjects.toArray()));
                i.setArray(6, c.createArrayOf("text", rows.indicators.toArray()));
                i.setArray(7, c.createArrayOf("text", rows.statuses.toArray()));
                i.setArray(8, c.createArrayOf("text", rows.reasons.toArray()));
                i.setArray(9, c.createArrayOf("text", rows.evidence.toArray()));
                i.setArray(10, c.createArrayOf("date", rows.resultAsOf.toArray()));
                i.executeUpdate();
                bindRulebook(v, rulebook, at);
                v.setArray(5, c.createArrayOf("text", rows.subjects.toArray()));
                v.setArray(6, c.createArrayOf("date", rows.asOf.toArray()));
                v.setArray(7, c.createArrayOf("text", rows.notMet.toArray()));
                v.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r); // a broken connection (a full disk) must not hide the first failure
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Saving indicator results failed (" + INSERT + "): " + StoreException.reason(e),
                    e);
        }
    }

    /** The first four parameters of INSERT and EVALUATED: the same for every row of a chunk. */
    private static void bindRulebook(PreparedStatement s, Rulebook rulebook, Timestamp at) throws SQLException {
        s.setString(1, rulebook.id());
        s.setInt(2, rulebook.version());
        s.setString(3, rulebook.sha256());
        s.setTimestamp(4, at);
    }

    /** A chunk's evaluations as the columns the statements take: one entry per subject, or per stored result. */
    private static final class Columns {
        final List<String> subjects = new ArrayList<>();
        final List<Date> asOf = new ArrayList<>();
        final List<String> notMet = new ArrayList<>();
        final List<String> resultSubjects = new ArrayList<>();
        final List<String> indicators = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        final List<String> evidence = new ArrayList<>();
        final List<Date> resultAsOf = new ArrayList<>();

        static Columns of(Rulebook rulebook, List<Evaluation> evaluations) {
            Columns out = new Columns();
            // One statement cannot upsert a row twice: a subject given twice keeps the later evaluation, as when
            // each was written in turn.
            Map<String, Evaluation> latest = new LinkedHashMap<>();
            for (Evaluation e : evaluations) {
                if (!e.rulebook().equals(rulebook.reference())) {
                    throw new IllegalArgumentException("evaluation under " + e.rulebook() + " saved as "
                            + rulebook.reference());
                }
                latest.remove(e.subjectPersonId());
                latest.put(e.subjectPersonId(), e);
            }
            for (Evaluation e : latest.values()) {
                Date day = Date.valueOf(e.asOf());
                List<String> none = new ArrayList<>();
                for (IndicatorResult r : e.results()) {
                    if (r.status() == Status.NOT_MET) {
                        if (r.indicatorId().contains(",")) {
                            throw new IllegalArgumentException("an indicator id with a comma: " + r.indicatorId());
                        }
                        none.add(r.indicatorId());
                        continue;
                    }
                    out.resultSubjects.add(e.subjectPersonId());
                    out.indicators.add(r.indicatorId());
                    out.statuses.add(r.status().name());
                    out.reasons.add(r.reason());
                    out.evidence.add(EvidenceJson.write(r.evidence()));
                    out.resultAsOf.add(day);
                }
                out.subjects.add(e.subjectPersonId());
                out.asOf.add(day);
                out.notMet.add(String.join(",", none));
            }
            return out;
        }
    }

    /** The stored evaluation of one subject under a rulebook, if it was evaluated. */
    public Optional<Evaluation> load(String subjectPersonId, Rulebook rulebook) {
        return Optional.ofNullable(loadAll(List.of(subjectPersonId), rulebook).get(subjectPersonId));
    }

    /**
     * The stored evaluations of many subjects under a rulebook; subjects never evaluated under it are absent. Each
     * has its met and unanswerable results as stored and its not-met ones with {@link #NOT_MET_REASON}, in the
     * rulebook's order.
     */
    public Map<String, Evaluation> loadAll(Collection<String> subjectPersonIds, Rulebook rulebook) {
        Map<String, List<IndicatorResult>> results = new LinkedHashMap<>();
        Map<String, LocalDate> asOf = new HashMap<>();
        Map<String, Integer> version = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            java.sql.Array subjects = c.createArrayOf("text", subjectPersonIds.toArray());
            try (PreparedStatement s = c.prepareStatement(SELECT_EVALUATED)) {
                s.setArray(1, subjects);
                s.setString(2, rulebook.id());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String subject = rs.getString(1);
                        version.put(subject, rs.getInt(2));
                        asOf.put(subject, rs.getDate(3).toLocalDate());
                        List<IndicatorResult> found = results.computeIfAbsent(subject, k -> new ArrayList<>());
                        for (String id : (String[]) rs.getArray(4).getArray()) {
                            found.add(new IndicatorResult(id, Status.NOT_MET, NOT_MET_REASON, List.of()));
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(SELECT_MANY)) {
                s.setArray(1, subjects);
                s.setString(2, rulebook.id());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String subject = rs.getString(1);
                        // a result stored before its subject's evaluation row existed carries the date and version
                        asOf.putIfAbsent(subject, rs.getDate(6).toLocalDate());
                        version.putIfAbsent(subject, rs.getInt(7));
                        results.computeIfAbsent(subject, k -> new ArrayList<>()).add(new IndicatorResult(
                                rs.getString(2), Status.valueOf(rs.getString(3)), rs.getString(4),
                                EvidenceJson.read(rs.getString(5))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading indicator results failed (" + SELECT_MANY + "): " + StoreException.reason(e), e);
        }
        Map<String, Evaluation> out = new LinkedHashMap<>();
        results.forEach((subject, found) -> out.put(subject, new Evaluation(subject,
                rulebook.id() + "@" + version.get(subject), asOf.get(subject), inRulebookOrder(found, rulebook))));
        return out;
    }

    /** The latest date any of these subjects was evaluated as of, under any rulebook. */
    public Optional<LocalDate> latestAsOf(Collection<String> subjectPersonIds) {
        String sql = "SELECT max(as_of) FROM indicator_evaluation WHERE subject_person_id = ANY(?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", subjectPersonIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Date d = rs.getDate(1);
                return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
            }
        } catch (SQLException e) {
            throw new StoreException("Reading indicator results failed (" + sql + "): " + StoreException.reason(e), e);
        }
    }

    /** The latest date anyone held (not retired) was evaluated as of, under any rulebook. */
    public Optional<LocalDate> latestAsOfHeld() {
        String sql = "SELECT max(e.as_of) FROM indicator_evaluation e JOIN person p ON p.person_id ="
                + " e.subject_person_id WHERE p.state <> 'RETIRED'";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            Date d = rs.getDate(1);
            return d == null ? Optional.empty() : Optional.of(d.toLocalDate());
        } catch (SQLException e) {
            throw new StoreException("Reading indicator results failed (" + sql + "): " + StoreException.reason(e), e);
        }
    }

    /** Whether anyone was evaluated under the rulebook: no one means the next run is the first (a baseline). */
    public boolean any(Rulebook rulebook) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM indicator_evaluation WHERE rulebook_id = ? LIMIT 1")) {
            s.setString(1, rulebook.id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("Reading indicator results failed: " + StoreException.reason(e), e);
        }
    }

    // keep the rulebook's order, as a fresh evaluation has it
    private static List<IndicatorResult> inRulebookOrder(List<IndicatorResult> results, Rulebook rulebook) {
        List<IndicatorResult> ordered = new ArrayList<>();
        rulebook.indicators().forEach(ind -> results.stream().filter(r -> r.indicatorId().equals(ind.id()))
                .findFirst().ifPresent(ordered::add));
        results.stream().filter(r -> !ordered.contains(r)).forEach(ordered::add);
        return ordered;
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
            throw new StoreException("Reading met indicators failed (" + MET + "): " + StoreException.reason(e), e);
        }
    }
}
