package org.threadline.app.web.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.policy.CaseRegister;
import org.threadline.store.StoreException;
import org.threadline.store.governance.CaseStore;
import org.threadline.store.governance.StoredCaseRegister;

/**
 * Managing the case register (ADR 0027), the same for the web pages and the command line. Deny by default: only a
 * manager {@link CaseManagers} names, who declared the case-management purpose, manages cases, and only their own
 * agency's (the agreement party the decision point asks about). Each change is written with its {@code CASE_CHANGE}
 * audit entry in one transaction (no audit entry, no change); a refusal is a {@code DENY} entry; a listing is a
 * {@code VIEW} entry committed before it is returned.
 */
public final class Cases {
    /** What was asked: the change's verb and the reason code its audit entry carries. */
    public enum Change {
        OPEN("OPENED"), LINK("LINKED"), UNLINK("UNLINKED"), CLOSE("CLOSED"),
        /** An item to check (ADR 0031) answered without linking the person it names. */
        DISMISS("CHECK_DISMISSED");

        private final String code;

        Change(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** What a change came to: done (with a sentence saying what), or the errors by field. */
    public record Result(boolean done, String message, Map<String, String> errors) {
        static Result done(String message) {
            return new Result(true, message, Map.of());
        }

        static Result refused(String field, String message) {
            return new Result(false, "", Map.of(field, message));
        }
    }

    private final CaseStore store;
    private final CaseManagers managers;
    private final ViewAudit audit;
    private final CaseRegister register;
    private final Clock clock;

    public Cases(CaseStore store, CaseManagers managers, ViewAudit audit, CaseRegister register, Clock clock) {
        this.store = store;
        this.managers = managers;
        this.audit = audit;
        this.register = register;
        this.clock = clock;
    }

    public CaseManagers managers() {
        return managers;
    }

    /** Why this viewer may not manage cases, in words; empty if they may. */
    public Optional<String> refusal(Viewer v) {
        if (!managers.manages(v.account())) {
            return Optional.of("Managing cases is for the roles " + CaseManagers.FILE + " names for your agency ("
                    + v.account().agency().label() + "); yours (" + String.join(", ", v.account().roles().stream()
                    .map(r -> r.label()).toList()) + ") is not among them.");
        }
        if (!managers.purpose().equals(v.declared().code())) {
            return Optional.of("To manage your agency's cases, declare the purpose \"Open, link and close your"
                    + " agency's cases\" (" + managers.purpose() + "). You declared \"" + v.declared().label()
                    + "\".");
        }
        return Optional.empty();
    }

    /** Records a refused attempt (a DENY entry) and returns the reason. */
    public String refuse(Viewer v, String what) {
        String reason = refusal(v).orElseThrow();
        audit.viewOf(v, AuditAction.DENY, "case-register", List.of(), List.of(managers.manages(v.account())
                ? "PURPOSE_NOT_CASE_MANAGEMENT" : "NOT_A_CASE_MANAGER", what), () -> null);
        return reason;
    }

    /** The viewer's agency's cases (open first), recorded as a view of the register. */
    public List<CaseStore.Case> list(Viewer v, boolean withClosed, int limit) {
        requireManager(v);
        return audit.viewOf(v, AuditAction.VIEW, "case-register", List.of("cases", "links"),
                List.of(withClosed ? "WITH_CLOSED" : "OPEN_ONLY"), () -> store.list(v.party(), withClosed, limit));
    }

    public Result open(Viewer v, String reference) {
        return change(v, Change.OPEN, reference, null);
    }

    public Result link(Viewer v, String reference, String personId) {
        return change(v, Change.LINK, reference, personId);
    }

    public Result unlink(Viewer v, String reference, String personId) {
        return change(v, Change.UNLINK, reference, personId);
    }

    public Result close(Viewer v, String reference) {
        return change(v, Change.CLOSE, reference, null);
    }

    /** Dismisses the case's item to check about {@code personId}: the manager decided not to link them. */
    public Result dismiss(Viewer v, String reference, String personId) {
        return change(v, Change.DISMISS, reference, personId);
    }

    private Result change(Viewer v, Change change, String reference, String person) {
        requireManager(v);
        String ref = reference == null ? "" : reference.strip().toUpperCase(Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!CaseStore.REFERENCE.matcher(ref).matches()) {
            errors.put("reference", "Case reference must be 3 to 32 letters, numbers, slashes or hyphens, like"
                    + " MASH-2026-0412");
        }
        String personId = person == null ? "" : person.strip().toUpperCase(Locale.ROOT);
        boolean withPerson = change == Change.LINK || change == Change.UNLINK || change == Change.DISMISS;
        if (withPerson && !CaseStore.PERSON_ID.matcher(personId).matches()) {
            errors.put("personId", "Person id must be P followed by 7 digits, like P0000123, as the person's page"
                    + " shows it");
        }
        if (!errors.isEmpty()) {
            return new Result(false, "", errors);
        }
        CaseStore.Outcome[] outcome = {null};
        Instant now = clock.instant();
        String by = v.account().username();
        audit.step(v, AuditAction.CASE_CHANGE, withPerson ? personId : "", "case-register",
                List.of("case=" + ref), List.of(change.code()), "", c -> {
                    outcome[0] = apply(c, change, v.party(), ref, personId, by, now);
                    return outcome[0] == CaseStore.Outcome.DONE;
                });
        if (register instanceof StoredCaseRegister stored) {
            stored.forget(v.party(), ref);
        }
        return words(change, outcome[0], ref, personId);
    }

    private CaseStore.Outcome apply(Connection c, Change change, String agency, String ref, String personId,
                                    String by, Instant now) {
        try {
            return switch (change) {
                case OPEN -> store.open(c, agency, ref, by, now);
                case LINK -> store.link(c, agency, ref, personId, by, now);
                case UNLINK -> store.unlink(c, agency, ref, personId, by, now);
                case CLOSE -> store.close(c, agency, ref, by, now);
                case DISMISS -> store.dismiss(c, agency, ref, personId, by, now);
            };
        } catch (SQLException e) {
            throw new StoreException("Recording the case change failed: " + e.getMessage(), e);
        }
    }

    private static Result words(Change change, CaseStore.Outcome o, String ref, String personId) {
        return switch (o) {
            case DONE -> Result.done(switch (change) {
                case OPEN -> "Case " + ref + " is open.";
                case LINK -> personId + " is linked to case " + ref + ".";
                case UNLINK -> personId + " is no longer linked to case " + ref + ".";
                case CLOSE -> "Case " + ref + " is closed.";
                case DISMISS -> "Case " + ref + " no longer asks you to check " + personId + " (not linked).";
            });
            case NO_SUCH_CASE -> Result.refused("reference", "Your agency has no case " + ref);
            case ALREADY_EXISTS -> Result.refused("reference", "Your agency already has a case " + ref);
            case CASE_CLOSED -> Result.refused("reference", "Case " + ref + " is closed: a closed case cannot be"
                    + " changed. Open a new case for new work");
            case ALREADY_LINKED -> Result.refused("personId", personId + " is already linked to case " + ref);
            case NOT_LINKED -> Result.refused("personId", personId + " is not linked to case " + ref);
            case NO_SUCH_PERSON -> Result.refused("personId", "No one held has the person id " + personId);
            case NOTHING_TO_CHECK -> Result.refused("personId", "Case " + ref + " has nothing to check about "
                    + personId);
        };
    }

    private void requireManager(Viewer v) {
        if (refusal(v).isPresent()) {
            throw new IllegalStateException("not a case manager: " + refusal(v).get());
        }
    }
}
