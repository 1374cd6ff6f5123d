package org.threadline.app.web.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.threadline.app.governance.ResponseDeadline;
import org.threadline.app.governance.SubjectAccess;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.store.StoreException;
import org.threadline.store.governance.SubjectAccessRequestStore;
import org.threadline.store.governance.SubjectAccessRequestStore.NewRequest;
import org.threadline.store.governance.SubjectAccessRequestStore.Relation;
import org.threadline.store.governance.SubjectAccessRequestStore.Request;

/**
 * Subject access requests as a data protection officer works them (ADR 0020): recorded with their due date, the
 * requester's identity checked, the export produced (the command line's {@link SubjectAccess}, same disclosure rules,
 * same EXPORT audit entry), then fulfilled or refused with a reason. Every step is written with its audit entry in
 * one transaction (no audit entry, no step); each method answers the errors to show, field to message, or none.
 */
public final class SubjectAccessRequests {
    static final Pattern PERSON_ID = Pattern.compile("P\\d{7}");
    static final int MIN_REFUSAL_REASON = 10;
    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 200;

    private final SubjectAccessRequestStore store;
    private final SubjectAccess export;
    private final ViewAudit audit;
    private final ResponseDeadline deadline;
    private final Path home;
    private final Clock clock;

    public SubjectAccessRequests(SubjectAccessRequestStore store, SubjectAccess export, ViewAudit audit,
                                 ResponseDeadline deadline, Path home, Clock clock) {
        this.store = store;
        this.export = export;
        this.audit = audit;
        this.deadline = deadline;
        this.home = home;
        this.clock = clock;
    }

    public SubjectAccessRequestStore store() {
        return store;
    }

    public ResponseDeadline deadline() {
        return deadline;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    /** What recording came to: the new request's id, or the errors. */
    public record Recorded(Optional<Long> requestId, Map<String, String> errors) {
    }

    /** Records a request from the form's fields, every problem reported at once. */
    public Recorded record(Viewer v, Map<String, String> form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String subject = form.getOrDefault("personId", "").strip().toUpperCase(java.util.Locale.ROOT);
        if (!PERSON_ID.matcher(subject).matches()) {
            errors.put("personId", "Enter the person's Threadline id, a P and 7 digits, like P0000123");
        }
        String name = form.getOrDefault("requesterName", "").strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.put("requesterName", "Enter the name of the person who asked, at most " + MAX_NAME
                    + " characters");
        }
        Optional<Relation> relation = java.util.Arrays.stream(Relation.values())
                .filter(r -> r.name().equals(form.get("relation"))).findFirst();
        if (relation.isEmpty()) {
            errors.put("relation", "Select whether the person asked for themselves or someone asked for them");
        }
        Optional<LocalDate> received = date(form.get("received-day"), form.get("received-month"),
                form.get("received-year"));
        if (received.isEmpty()) {
            errors.put("received-day", "Enter the date the request was received, as a real date");
        } else if (received.get().isAfter(today())) {
            errors.put("received-day", "The date the request was received must be today or in the past");
        }
        String identity = form.getOrDefault("identityVerified", "");
        if (!identity.equals("yes") && !identity.equals("no")) {
            errors.put("identityVerified", "Select whether the requester's identity has been verified");
        }
        if (!errors.isEmpty()) {
            return new Recorded(Optional.empty(), errors);
        }
        NewRequest r = new NewRequest(subject, name, relation.get(), received.get(),
                deadline.dueFor(received.get()), identity.equals("yes"), v.account().username(), party(v),
                clock.instant());
        long[] id = {0};
        audit.step(v, AuditAction.REVIEW_DECISION, subject, "subject-access:request",
                List.of("receivedOn=" + r.receivedOn(), "dueOn=" + r.dueOn()),
                List.of("RECEIVED", "IDENTITY_VERIFIED=" + r.identityVerified()), "", c -> {
                    id[0] = sql("Recording the subject access request", () -> store.record(c, r));
                    return true;
                });
        return new Recorded(Optional.of(id[0]), Map.of());
    }

    /** The requester's identity is now verified. */
    public Map<String, String> verifyIdentity(Viewer v, Request r) {
        return change(v, r, "IDENTITY_VERIFIED", List.of(), "identity",
                "The identity was already verified, or the request is closed",
                c -> store.verifyIdentity(c, r.requestId(), v.account().username(), clock.instant()));
    }

    /** Work on the request has started. */
    public Map<String, String> start(Viewer v, Request r) {
        return change(v, r, "IN_PROGRESS", List.of(), "start", "Only a received request can be started",
                c -> store.start(c, r.requestId(), v.account().username(), clock.instant()));
    }

    /** Closes the request as fulfilled: the export was sent to the requester. */
    public Map<String, String> fulfil(Viewer v, Request r, String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_TEXT) {
            return Map.of("note", "Say how it was sent in at most " + MAX_TEXT + " characters");
        }
        if (!r.identityVerified()) {
            return Map.of("fulfil", "Verify the requester's identity before the request can be fulfilled");
        }
        if (store.exports(r.requestId()).isEmpty()) {
            return Map.of("fulfil", "Produce the export before the request can be fulfilled: it is the response");
        }
        return change(v, r, "FULFILLED", text.isEmpty() ? List.of() : List.of("NOTE=" + text), "fulfil",
                "Only a request in progress can be fulfilled",
                c -> store.fulfil(c, r.requestId(), v.account().username(), clock.instant(), text));
    }

    /** Closes the request as refused, with the reason the requester will be given. */
    public Map<String, String> refuse(Viewer v, Request r, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.length() < MIN_REFUSAL_REASON || text.length() > MAX_TEXT) {
            return Map.of("refusalReason", "Give the reason for refusing, " + MIN_REFUSAL_REASON + " to " + MAX_TEXT
                    + " characters: it is what the requester will be told");
        }
        return change(v, r, "REFUSED", List.of("REASON=" + text), "refusalReason",
                "Only an open request can be refused",
                c -> store.refuse(c, r.requestId(), v.account().username(), clock.instant(), text));
    }

    /** What producing an export came to: its id, or the errors. */
    public record Produced(Optional<Long> exportId, Map<String, String> errors) {
    }

    /**
     * Produces the export with the command line's {@link SubjectAccess}: the same read, disclosure rules and EXPORT
     * audit entry (purpose {@code SUBJECT_RIGHTS.ACCESS}), and, in that same transaction, the export is noted on the
     * request (which moves to in progress if it was received).
     */
    public Produced produce(Viewer v, Request r) {
        if (!r.status().open()) {
            return new Produced(Optional.empty(), Map.of("export", "The request is closed: no export is produced"));
        }
        String relative = "subject-access/request-" + r.requestId() + "/" + clock.instant().toEpochMilli() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        long[] id = {0};
        try {
            export.export(new SubjectAccess.Request(r.subject(), v.account().username(), party(v),
                    "subject access request " + reference(r.requestId())), home.resolve(relative),
                    (c, seq, withheld) -> id[0] = store.recordExport(c, r.requestId(), v.account().username(),
                            clock.instant(), seq, relative, withheld.stream().map(w -> w.rule() + "=" + w.items())
                                    .collect(Collectors.joining(", "))).orElseThrow(() -> new SQLException(
                                    "the request was closed while its export was produced")));
        } catch (IllegalArgumentException e) {
            return new Produced(Optional.empty(), Map.of("export", "Threadline holds nothing about " + r.subject()
                    + ", not even an audit entry: check the person id, or answer that nothing is held"));
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the subject access export failed (nothing was exported or"
                    + " audited): " + e.getMessage(), e);
        }
        return new Produced(Optional.of(id[0]), Map.of());
    }

    /** One of an export's two files, as written: {@code json} or {@code md}. */
    public Optional<Path> file(SubjectAccessRequestStore.Export e, Request r, String kind) {
        Path folder = home.resolve(e.folder()).normalize();
        if (!folder.startsWith(home.normalize())) {
            return Optional.empty();
        }
        Path f = folder.resolve("subject-access-" + r.subject() + "." + kind);
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    /** A request's reference as people say it: SAR-000012. */
    public static String reference(long requestId) {
        return String.format(java.util.Locale.ROOT, "SAR-%06d", requestId);
    }

    private interface Change {
        boolean apply(Connection c) throws SQLException;
    }

    private Map<String, String> change(Viewer v, Request r, String step, List<String> more, String field,
                                       String notWhereItCanBe, Change change) {
        List<String> reasons = new java.util.ArrayList<>(List.of(step, "REQUEST=" + reference(r.requestId())));
        reasons.addAll(more);
        boolean done = audit.step(v, AuditAction.REVIEW_DECISION, r.subject(), "subject-access:request",
                List.of("request=" + r.requestId()), reasons, "",
                c -> sql("Recording the subject access request's step " + step, () -> change.apply(c)));
        return done ? Map.of() : Map.of(field, notWhereItCanBe);
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + StoreException.reason(e), StoreException.withoutValues(e));
        }
    }

    private static String party(Viewer v) {
        return v.party() == null || v.party().isBlank() ? v.account().agency().name() : v.party();
    }

    static Optional<LocalDate> date(String day, String month, String year) {
        try {
            int y = Integer.parseInt(year == null ? "" : year.strip());
            if (y < 1900 || y > 9999) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip())));
        } catch (NumberFormatException | NullPointerException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Today's instant as the pages show times. */
    public Instant now() {
        return clock.instant();
    }
}
