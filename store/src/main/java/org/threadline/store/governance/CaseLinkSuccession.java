package org.threadline.store.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;

/**
 * Case links after a people change (ADR 0031), in the transaction of the change, so that no reader sees a person
 * retired while a case still names them and not the person who now holds their records:
 * <ul>
 *   <li>the lineage is written ({@code person_lineage}, V23);</li>
 *   <li>a person linked to an open case and <b>merged</b> into another: the survivor is linked to the case (by the
 *       system, saying it follows the merge) and the old link is stamped unlinked;</li>
 *   <li>a person linked to an open case and <b>split</b>: the link stays where it is, and the case gets an item "to
 *       check" naming the person the records went to. Access is never widened without someone deciding.</li>
 * </ul>
 * Each change to a case is a {@code CASE_CHANGE} audit entry in the same transaction. Without an audit log a change
 * that would touch a case is refused (the whole people change rolls back): no audit entry, no change. Closed cases
 * are left as they were (a closed case stays closed).
 */
public final class CaseLinkSuccession {
    /** The purpose the system's case changes are recorded under. */
    public static final String PURPOSE = "CASEWORK.CASE_LINKS_FOLLOW";

    /** What changed the people: a full people build or a rectification's re-link. */
    public enum Via {
        PEOPLE_BUILD("threadline people build"), RECTIFICATION("threadline rectification");

        private final String actor;

        Via(String actor) {
            this.actor = actor;
        }

        /** Who the case changes are attributed to (the links' linked_by and the audit entries' actor). */
        public String actor() {
            return actor;
        }
    }

    /** What one case came to: a link moved to the survivor, an old link ended (survivor linked already), or a check. */
    public enum Outcome { LINK_FOLLOWED, UNLINKED_ALREADY_LINKED, TO_CHECK }

    /** One change to one case. */
    public record Followed(Outcome outcome, String agency, String reference, String from, String to) {
        public String describe() {
            return switch (outcome) {
                case LINK_FOLLOWED -> "case " + agency + "/" + reference + ": link follows merge of " + from
                        + " into " + to;
                case UNLINKED_ALREADY_LINKED -> "case " + agency + "/" + reference + ": " + from + " merged into "
                        + to + ", who was linked already";
                case TO_CHECK -> "case " + agency + "/" + reference + ": to check, records of " + from
                        + " went to " + to + " (not linked)";
            };
        }
    }

    private final Optional<AuditStore> audit;

    /** @param audit where the case changes are recorded; empty refuses any change that would touch a case */
    public CaseLinkSuccession(Optional<AuditStore> audit) {
        this.audit = audit;
    }

    /**
     * Writes the lineage and makes the open cases follow it, in the caller's transaction.
     *
     * @param run        the people build made (or, for a rectification, changed)
     * @param auditEntry the rectification's audit entry, if it is one
     */
    public List<Followed> follow(Connection c, Via via, long run, Optional<Long> auditEntry,
                                 List<PersonLineage> lineage, Instant at) {
        List<Followed> out = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        try {
            for (PersonLineage l : lineage) {
                long lineageId = writeLineage(c, l, via, run, auditEntry, at);
                // Markers follow the records too (ADR 0035), audited like the case changes, in this transaction.
                for (String marker : SubjectMarkerStore.follow(c, l, via.actor(), run, at)) {
                    markers.add(l.from() + " -> " + l.to() + ": " + marker);
                    events.add(markerEvent(l, marker, via, run, at));
                }
                for (long[] link : currentLinksOnOpenCases(c, l.from())) {
                    long caseId = link[0];
                    String[] owner = owner(c, caseId);
                    Followed f = l.kind() == PersonLineage.Kind.MERGED
                            ? followMerge(c, caseId, link[1], l, via, run, owner, at)
                            : raiseCheck(c, caseId, lineageId, l, via, run, owner, at);
                    if (f != null) {
                        out.add(f);
                        events.addAll(entries(f, via, run, at));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Making case links follow the people change failed: "
                    + StoreException.reason(e), e);
        }
        if (!events.isEmpty()) {
            AuditStore log = audit.orElseThrow(() -> new StoreException("The people change would change "
                    + out.size() + " case(s)" + (out.isEmpty() ? "" : " (" + out.get(0).describe() + ")") + " and carry "
                    + markers.size() + " subject marker(s)" + (markers.isEmpty() ? "" : " (" + markers.get(0) + ")")
                    + " but no audit log was given to record it; run it through ./threadline, which records case"
                    + " changes and markers in the audit log", null));
            log.appendAll(c, events);
        }
        return out;
    }

    /**
     * The same after a rectification's re-link (ADR 0028), in its transaction once its {@code RECTIFICATION} entry is
     * appended: the lineage names the build the rectification changed and the entry.
     *
     * @param lineage where the row's records went ({@code PeopleBuilder.Relink#lineage()})
     */
    public List<Followed> afterRectification(Connection c, long rectificationEntry, List<PersonLineage> lineage,
                                             Instant at) {
        if (lineage.isEmpty()) {
            return List.of();
        }
        long run;
        try (PreparedStatement s = c.prepareStatement("SELECT max(id) FROM link_run");
             ResultSet r = s.executeQuery()) {
            r.next();
            run = r.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Reading the people build a rectification changed failed: "
                    + StoreException.reason(e), e);
        }
        return follow(c, Via.RECTIFICATION, run, Optional.of(rectificationEntry), lineage, at);
    }

    private static long writeLineage(Connection c, PersonLineage l, Via via, long run, Optional<Long> entry,
                                     Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO person_lineage (from_person, to_person, kind, via,"
                + " run_id, audit_entry, at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING lineage_id")) {
            s.setString(1, l.from());
            s.setString(2, l.to());
            s.setString(3, l.kind().name());
            s.setString(4, via.name());
            s.setLong(5, run);
            if (entry.isPresent()) {
                s.setLong(6, entry.get());
            } else {
                s.setNull(6, Types.BIGINT);
            }
            s.setTimestamp(7, Timestamp.from(at));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * {case id, link id} of the person's current links on open cases, the cases' rows locked (as a manager's change
     * locks them), so that a manager closing or changing the case waits for this change or goes first.
     */
    private static List<long[]> currentLinksOnOpenCases(Connection c, String person) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT f.case_id, p.link_id FROM case_person p"
                + " JOIN case_file f ON f.case_id = p.case_id WHERE p.person_id = ? AND p.unlinked_at IS NULL"
                + " AND f.status = 'OPEN' ORDER BY f.case_id FOR UPDATE OF f")) {
            s.setString(1, person);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return out;
    }

    private static String[] owner(Connection c, long caseId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT agency, reference FROM case_file WHERE case_id = ?")) {
            s.setLong(1, caseId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new String[] {r.getString(1), r.getString(2)};
            }
        }
    }

    private static Followed followMerge(Connection c, long caseId, long linkId, PersonLineage l, Via via, long run,
                                        String[] owner, Instant at) throws SQLException {
        String why = "follows merge of " + l.from() + " into " + l.to() + " (" + via.actor() + ", run " + run + ")";
        boolean linked;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_person (case_id, person_id, linked_at,"
                + " linked_by, linked_reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (case_id, person_id)"
                + " WHERE unlinked_at IS NULL DO NOTHING")) {
            s.setLong(1, caseId);
            s.setString(2, l.to());
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, via.actor());
            s.setString(5, why);
            linked = s.executeUpdate() == 1;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE case_person SET unlinked_at = ?, unlinked_by = ?,"
                + " unlinked_reason = ? WHERE link_id = ? AND unlinked_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, via.actor());
            s.setString(3, linked ? why : why + "; " + l.to() + " was linked already");
            s.setLong(4, linkId);
            s.executeUpdate();
        }
        // An item that asked the owner to check the survivor is answered: the survivor is linked now.
        CaseChecks.settle(c, caseId, l.to(), "LINKED", via.actor(), at);
        return new Followed(linked ? Outcome.LINK_FOLLOWED : Outcome.UNLINKED_ALREADY_LINKED, owner[0], owner[1],
                l.from(), l.to());
    }

    private static Followed raiseCheck(Connection c, long caseId, long lineageId, PersonLineage l, Via via,
                                       long run, String[] owner, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM case_person WHERE case_id = ? AND person_id = ?"
                + " AND unlinked_at IS NULL")) {
            s.setLong(1, caseId);
            s.setString(2, l.to());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return null; // the case links them already: nothing to decide
                }
            }
        }
        String note = "Some records of " + l.from() + " now belong to " + l.to() + " (" + via.actor() + ", run "
                + run + "). The case still links " + l.from() + " only: link " + l.to() + " if they are part of"
                + " this case.";
        try (PreparedStatement s = c.prepareStatement("INSERT INTO case_check (case_id, person_id, to_person,"
                + " lineage_id, raised_at, note) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, to_person)"
                + " WHERE settled_at IS NULL DO NOTHING")) {
            s.setLong(1, caseId);
            s.setString(2, l.from());
            s.setString(3, l.to());
            s.setLong(4, lineageId);
            s.setTimestamp(5, Timestamp.from(at));
            s.setString(6, note);
            if (s.executeUpdate() == 0) {
                return null; // already waiting to be checked
            }
        }
        return new Followed(Outcome.TO_CHECK, owner[0], owner[1], l.from(), l.to());
    }

    /**
     * The audit entries of one case change: a link that follows a merge is two entries (the survivor linked, the
     * old person unlinked), so that each person's entries name what happened to their link.
     */
    private static List<AuditEvent> entries(Followed f, Via via, long run, Instant at) {
        List<String> fields = List.of("case=" + f.reference());
        List<String> common = List.of("FROM=" + f.from(), "TO=" + f.to(), "VIA=" + via.name(), "RUN=" + run);
        List<AuditEvent> out = new ArrayList<>();
        switch (f.outcome()) {
            case LINK_FOLLOWED -> {
                out.add(event(f.agency(), via, at, f.to(), fields, "LINKED", "FOLLOWS_MERGE", common));
                out.add(event(f.agency(), via, at, f.from(), fields, "UNLINKED", "FOLLOWS_MERGE", common));
            }
            case UNLINKED_ALREADY_LINKED -> out.add(event(f.agency(), via, at, f.from(), fields, "UNLINKED",
                    "FOLLOWS_MERGE", common));
            case TO_CHECK -> out.add(event(f.agency(), via, at, f.to(), fields, "TO_CHECK", "FOLLOWS_SPLIT",
                    common));
        }
        return out;
    }

    /**
     * A marker carried to the person who now holds the records: recorded under the subject it now protects, with
     * where it came from. No agency owns a marker; the entry names none.
     */
    private static AuditEvent markerEvent(PersonLineage l, String marker, Via via, long run, Instant at) {
        return new AuditEvent(UUID.randomUUID().toString(), at, via.actor(), "", List.of(), MARKER_PURPOSE, "",
                AuditAction.SUBJECT_MARKER, l.to(), "subject-markers", List.of("marker=" + marker),
                List.of("SET", l.kind() == PersonLineage.Kind.MERGED ? "FOLLOWS_MERGE" : "FOLLOWS_SPLIT",
                        "FROM=" + l.from(), "TO=" + l.to(), "VIA=" + via.name(), "RUN=" + run), "");
    }

    /** The purpose the system's carrying of markers is recorded under. */
    public static final String MARKER_PURPOSE = "GOVERNANCE.MARKERS_FOLLOW";

    private static AuditEvent event(String agency, Via via, Instant at, String subject, List<String> fields,
                                    String code, String cause, List<String> common) {
        List<String> reasons = new ArrayList<>(List.of(code, cause));
        reasons.addAll(common);
        // The agency is the case's owner: the system acts on that agency's register, and its audit is read there.
        return new AuditEvent(UUID.randomUUID().toString(), at, via.actor(), agency, List.of(), PURPOSE, "",
                AuditAction.CASE_CHANGE, subject, "case-register", fields, reasons, "");
    }
}
