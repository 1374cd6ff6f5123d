package org.threadline.app.web.markers;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.ForbidRule;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.store.StoreException;
import org.threadline.store.governance.CaseStore;
import org.threadline.store.governance.SubjectMarkerStore;

/**
 * Setting and removing the markers on people that the agreements' forbid rules act on (ADR 0035). Deny by default:
 * only a data protection officer who declared the oversight purpose changes or lists them. Only a marker some
 * agreement's forbid rule names is accepted (a marker nothing acts on would look like protection and be none). A
 * reason is required for each change; each change is written with its {@code SUBJECT_MARKER} audit entry in one
 * transaction (the table refuses a change without one); a refusal is a {@code DENY} entry; a listing a {@code VIEW}.
 */
public final class SubjectMarkers {
    /** The purpose a data protection officer declares to manage markers (the governance pages' purpose). */
    public static final String PURPOSE = "GOVERNANCE.OVERSIGHT";
    /** The data item the audit entries name. */
    public static final String ITEM = "subject-markers";

    /** What a change came to: done (a sentence saying what), or the errors by field. */
    public record Result(boolean done, String message, Map<String, String> errors) {
        static Result refused(String field, String message) {
            return new Result(false, "", Map.of(field, message));
        }
    }

    private final SubjectMarkerStore store;
    private final ViewAudit audit;
    private final Map<String, String> known;
    private final Clock clock;

    public SubjectMarkers(SubjectMarkerStore store, ViewAudit audit, AgreementRegistry agreements, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.known = known(agreements);
        this.clock = clock;
    }

    /**
     * The markers the agreements act on, each with what the rules acting on it say (agreement reference, rule id and
     * reason): the union of every agreement's forbid-rule markers.
     */
    public static Map<String, String> known(AgreementRegistry agreements) {
        Map<String, String> out = new TreeMap<>();
        agreements.agreements().forEach(a -> {
            for (ForbidRule f : a.forbid()) {
                out.merge(f.marker(), a.reference() + " '" + f.id() + "': " + f.reason(), (x, y) -> x + "; " + y);
            }
        });
        return out;
    }

    public Map<String, String> known() {
        return known;
    }

    /** Why this viewer may not manage markers, in words; empty if they may. */
    public Optional<String> refusal(Viewer v) {
        if (!v.account().roles().contains(Role.DATA_PROTECTION_OFFICER)) {
            return Optional.of("Markers are set and removed by a data protection officer; your role (" + String.join(
                    ", ", v.account().roles().stream().map(Role::label).toList()) + ") is not one.");
        }
        if (!PURPOSE.equals(v.declared().code())) {
            return Optional.of("To manage markers, declare the purpose " + PURPOSE + " (you declared "
                    + v.declared().code() + ").");
        }
        return Optional.empty();
    }

    /** Records a refused attempt (a DENY entry) and returns the reason. */
    public String refuse(Viewer v, String what) {
        String reason = refusal(v).orElseThrow();
        audit.viewOf(v, AuditAction.DENY, ITEM, List.of(), List.of(v.account().roles()
                .contains(Role.DATA_PROTECTION_OFFICER) ? "PURPOSE_NOT_OVERSIGHT" : "ROLE_NOT_DATA_PROTECTION_OFFICER",
                what), () -> null);
        return reason;
    }

    /** Every marker the person has had, recorded as a view of their markers. */
    public List<SubjectMarkerStore.Marker> history(Viewer v, String person) {
        requireOfficer(v);
        String personId = person == null ? "" : person.strip().toUpperCase(Locale.ROOT);
        if (!CaseStore.PERSON_ID.matcher(personId).matches()) {
            throw new IllegalArgumentException("Person id must be P followed by 7 digits, like P0000123");
        }
        return audit.viewOf(v, AuditAction.VIEW, ITEM, List.of("markers"), List.of("SUBJECT=" + personId),
                () -> store.history(personId));
    }

    public Result set(Viewer v, String personId, String marker, String reason) {
        return change(v, true, personId, marker, reason);
    }

    public Result remove(Viewer v, String personId, String marker, String reason) {
        return change(v, false, personId, marker, reason);
    }

    private Result change(Viewer v, boolean set, String person, String markerText, String reasonText) {
        requireOfficer(v);
        Map<String, String> errors = new TreeMap<>();
        String personId = person == null ? "" : person.strip().toUpperCase(Locale.ROOT);
        if (!CaseStore.PERSON_ID.matcher(personId).matches()) {
            errors.put("personId", "Person id must be P followed by 7 digits, like P0000123, as the person's page"
                    + " shows it");
        }
        String marker = markerText == null ? "" : markerText.strip().toUpperCase(Locale.ROOT);
        if (!known.containsKey(marker)) {
            errors.put("marker", "'" + marker + "' is not a marker any agreement acts on; one of: "
                    + String.join(", ", known.keySet()));
        }
        String reason = reasonText == null ? "" : reasonText.strip();
        if (reason.isEmpty()) {
            errors.put("reason", "Say why: a reason is required and kept with the marker");
        }
        if (!errors.isEmpty()) {
            return new Result(false, "", errors);
        }
        SubjectMarkerStore.Outcome[] outcome = {null};
        Instant now = clock.instant();
        String by = v.account().username();
        audit.step(v, AuditAction.SUBJECT_MARKER, personId, ITEM, List.of("marker=" + marker),
                List.of(set ? "SET" : "REMOVED"), "", c -> {
                    try {
                        outcome[0] = set ? store.set(c, personId, marker, by, reason, now)
                                : store.remove(c, personId, marker, by, reason, now);
                    } catch (SQLException e) {
                        throw new StoreException("Recording the marker failed: " + e.getMessage(), e);
                    }
                    return outcome[0] == SubjectMarkerStore.Outcome.DONE;
                });
        return switch (outcome[0]) {
            case DONE -> new Result(true, set ? personId + " is marked " + marker + "." : personId + " is no longer"
                    + " marked " + marker + ".", Map.of());
            case NO_SUCH_PERSON -> Result.refused("personId", "No one held has the person id " + personId);
            case ALREADY_SET -> Result.refused("marker", personId + " is already marked " + marker);
            case NOT_SET -> Result.refused("marker", personId + " is not marked " + marker);
        };
    }

    private void requireOfficer(Viewer v) {
        if (refusal(v).isPresent()) {
            throw new IllegalStateException("not a data protection officer: " + refusal(v).get());
        }
    }
}
