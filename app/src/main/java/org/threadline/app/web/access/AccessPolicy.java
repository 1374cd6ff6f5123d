package org.threadline.app.web.access;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.policy.AccessRequest;
import org.threadline.domain.governance.policy.BreakGlassClaim;
import org.threadline.domain.governance.policy.Decision;
import org.threadline.domain.governance.policy.DenyReason;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.domain.governance.policy.Principal;
import org.threadline.domain.governance.policy.Subject;
import org.threadline.domain.governance.need.AssessedLevel;
import org.threadline.store.governance.SubjectMarkerStore;
import org.threadline.store.people.Build;

/**
 * Asks the policy decision point what a viewer may see of each record and event, in the provider's own column
 * names, and answers in the record's standardised field names with the reason for anything withheld. An agency's
 * own records are shown in full under the purposes the mapping lists (that is not sharing); everything else,
 * including the resolved identity of a person, is only what some agreement releases.
 */
public final class AccessPolicy {
    private final PolicyDecisionPoint pdp;
    private final AgreementMapping mapping;
    private final SourceFields sources;
    private final MarkersOf markers;
    private final LevelsOfNeed levels;

    /**
     * @param markers the markers on each person (ADR 0035): the subject of every request carries them, so that a
     *                forbid rule on a marker refuses what it covers
     * @param levels  each person's level of need (ADR 0036): the subject of every request carries it, so that the
     *                agreements' narrowing by level acts on what the records show
     */
    public AccessPolicy(PolicyDecisionPoint pdp, AgreementMapping mapping, SourceFields sources, MarkersOf markers,
                        LevelsOfNeed levels) {
        this.pdp = pdp;
        this.mapping = mapping;
        this.sources = sources;
        this.markers = markers;
        this.levels = levels;
    }

    /**
     * The installation's policy over a store: the account mapping, the source definitions under {@code config}, and
     * the store's markers and levels of need.
     */
    public static AccessPolicy installed(PolicyDecisionPoint pdp, Path config, DataSource dataSource) {
        return new AccessPolicy(pdp, AgreementMapping.load(), SourceFields.read(config.resolve("sources")),
                MarkersOf.stored(new SubjectMarkerStore(dataSource)), LevelsOfNeed.installed(dataSource, config));
    }

    public Viewer viewer(Account account, DeclaredPurpose declared) {
        Principal principal = new Principal(account.username(), mapping.party(account.agency()),
                mapping.rolesOf(account));
        return new Viewer(account, declared, principal, mapping.purposeOf(declared.code()),
                mapping.ownRecordsInFull().contains(declared.code()), Optional.empty(), new SubjectsSeen());
    }

    /** The level of need a viewer's reads about a person are decided at (looked up once per request). */
    public AssessedLevel levelOf(Viewer v, String personId) {
        return v.seen().level(personId, levels::of);
    }

    /** What the viewer may see of a record's identity fields (only fields the record holds are asked for). */
    public Access record(Viewer v, Build.RecordRow r) {
        List<String> held = r.identity().entrySet().stream().filter(e -> !e.getValue().isBlank())
                .map(Map.Entry::getKey).sorted().toList();
        return decide(v, r.definitionId(), r.agency(), r.part(), r.personId(), held, Optional.empty());
    }

    /**
     * Whether the viewer may see what a source row says about a person (a relationship's evidence): its name fields
     * must be released to them.
     */
    public Access evidence(Viewer v, org.threadline.domain.chronology.SourceRef row, String subject) {
        return decide(v, row.definitionId(), row.agency(), "", subject, List.of("forename", "surname"),
                Optional.empty());
    }

    /**
     * Whether the viewer may see an event: its date must be released for the subject in their role on it. Its
     * summary (written from the feed's event type and attributes) is shown only when all of those are released too:
     * the access then shows {@code summary}.
     */
    public Access event(Viewer v, ChronologyEvent e) {
        String item = e.sources().isEmpty() ? e.agency() : e.sources().get(0).definitionId();
        List<String> fields = new ArrayList<>(List.of("event_date"));
        sources.detailColumns(item).forEach(c -> fields.add(DETAIL + c));
        Access a = decide(v, item, e.agency(), "", e.personId(), fields, Optional.of(e.role()));
        List<String> details = fields.stream().filter(f -> f.startsWith(DETAIL)).toList();
        if (a.shows("event_date") && a.shown().containsAll(details)) {
            Set<String> shown = new LinkedHashSet<>(a.shown());
            shown.add("summary");
            return new Access(a.dataItem(), a.subject(), shown, a.withheld(), a.basis(), a.agreements(),
                    a.columns(), a.reasonCodes());
        }
        if (!a.shows("event_date")) {
            boolean permitted = !a.agreements().isEmpty() && !a.underBreakGlass(); // but not the date
            String basis = permitted ? "the dates of these events are not shared with you" : a.basis();
            return new Access(a.dataItem(), a.subject(), Set.of(), a.withheld(), basis, a.agreements(),
                    a.columns(), permitted ? List.of("EVENT_DATE_NOT_RELEASED") : a.reasonCodes());
        }
        return a;
    }

    /** The first reason code of an access released under break-glass (the audit log's BREAK_GLASS entries). */
    public static final String BREAK_GLASS = "BREAK_GLASS";

    /** A requested field that is a source column itself (an event's detail), not a standardised field. */
    private static final String DETAIL = "column:";

    private Access decide(Viewer v, String item, String provider, String part, String subject, List<String> fields,
                          Optional<EventRole> role) {
        if (fields.isEmpty()) {
            return new Access(item, subject, Set.of(), Map.of(), "nothing held", List.of(), Set.of(), List.of());
        }
        if (v.ownRecordsInFull() && provider.equals(v.party())) {
            Set<String> columns = new LinkedHashSet<>();
            fields.forEach(f -> (f.startsWith(DETAIL) ? Optional.of(f.substring(DETAIL.length()))
                    : sources.column(item, part, f)).ifPresent(columns::add));
            return new Access(item, subject, Set.copyOf(fields), Map.of(), "your agency's own record", List.of(),
                    columns, List.of("OWN_RECORD"));
        }
        Map<String, String> columnOf = new LinkedHashMap<>();
        Map<String, String> withheld = new LinkedHashMap<>();
        for (String f : fields) {
            Optional<String> c = f.startsWith(DETAIL) ? Optional.of(f.substring(DETAIL.length()))
                    : sources.column(item, part, f);
            if (c.isPresent()) {
                columnOf.put(f, c.get());
            } else {
                withheld.put(f, "no agreement names this field of " + item);
            }
        }
        if (columnOf.isEmpty()) {
            return new Access(item, subject, Set.of(), withheld, "no agreement covers it", List.of(), Set.of(),
                    List.of("UNKNOWN_FIELD"));
        }
        AssessedLevel level = levelOf(v, subject);
        Subject s = new Subject(subject, v.seen().markers(subject, markers::of), role, level.level());
        AccessRequest request = AccessRequest.of(v.principal(), v.agreementPurpose(),
                v.declared().caseReferenceIfAny(), item, Set.copyOf(columnOf.values()), s);
        Decision d = pdp.decide(request);
        // Break-glass is asked only for what would otherwise be refused, and only about the subject its claim names
        // (the PDP checks that again): everything else on the page is decided as for anyone, so that only the
        // emergency releases are marked BREAK_GLASS in the audit log.
        Optional<BreakGlassClaim> claim = v.breakGlass().filter(c -> subject.equals(c.subjectId()));
        if (d instanceof Decision.Deny && claim.isPresent()) {
            Decision emergency = pdp.decide(new AccessRequest(request.principal(), request.purpose(),
                    request.caseReference(), item, request.fields(), s, claim));
            if (emergency instanceof Decision.Permit p) {
                Set<String> shown = new LinkedHashSet<>();
                columnOf.forEach((f, c) -> {
                    if (p.fields().contains(c)) {
                        shown.add(f);
                    } else {
                        withheld.put(f, "not released to " + v.party() + " even under break-glass");
                    }
                });
                return new Access(item, subject, shown, withheld, "break-glass access under "
                        + String.join(", ", p.agreements()), p.agreements(), Set.copyOf(p.fields()),
                        List.of(BREAK_GLASS, claim.get().reasonCode()));
            }
        }
        if (d instanceof Decision.Permit p) {
            Set<String> shown = new LinkedHashSet<>();
            columnOf.forEach((f, c) -> {
                if (p.fields().contains(c)) {
                    shown.add(f);
                } else {
                    withheld.put(f, "not released to " + v.party() + " for this purpose under "
                            + String.join(", ", p.agreements()));
                }
            });
            return new Access(item, subject, shown, withheld, "shared under " + String.join(", ", p.agreements()),
                    p.agreements(), Set.copyOf(p.fields()), levelWidened(request, p, level));
        }
        Decision.Deny deny = (Decision.Deny) d;
        String why = words(deny.reasons());
        columnOf.keySet().forEach(f -> withheld.put(f, why));
        return new Access(item, subject, Set.of(), withheld, why, List.of(), Set.copyOf(columnOf.values()),
                deny.reasons().stream().map(r -> r.code().name()).toList());
    }

    /**
     * {@code LEVEL_OF_NEED_<LEVEL>} when the subject's known level released more than an unknown level would have
     * (the audit log then says which level a release relied on), else nothing. The decision point is asked again
     * as if the level were unknown: it is a pure function, so the answer differs only by the level.
     */
    private List<String> levelWidened(AccessRequest request, Decision.Permit permit, AssessedLevel level) {
        if (level.level().isEmpty()) {
            return List.of();
        }
        Subject s = request.subject();
        Decision unknown = pdp.decide(new AccessRequest(request.principal(), request.purpose(),
                request.caseReference(), request.dataItem(), request.fields(),
                new Subject(s.subjectId(), s.markers(), s.roleOnEvent(), Optional.empty()), request.breakGlass()));
        boolean widened = !(unknown instanceof Decision.Permit u) || !u.fields().containsAll(permit.fields());
        return widened ? List.of(LEVEL_OF_NEED + level.level().get().name()) : List.of();
    }

    /** The prefix of the reason code that says a release relied on the subject's level of need. */
    public static final String LEVEL_OF_NEED = "LEVEL_OF_NEED_";

    private static String words(List<DenyReason> reasons) {
        List<String> out = new ArrayList<>();
        for (DenyReason r : reasons) {
            out.add(switch (r.code()) {
                case RECIPIENT_NOT_GRANTED -> "no agreement shares this with your agency";
                case PURPOSE_NOT_GRANTED, PURPOSE_NOT_IN_AGREEMENT -> "not shared for the purpose you declared";
                case ROLE_NOT_GRANTED -> "not shared with your role";
                case UNKNOWN_DATA_ITEM -> "no agreement covers this source";
                case AGREEMENT_EXPIRED, AGREEMENT_REVIEW_OVERDUE -> "the agreement is not in force (" + r.detail()
                        + ")";
                case FORBIDDEN -> "a restriction on this person's record forbids it (" + r.detail() + ")";
                case NO_PERMITTED_FIELDS -> "no field of it is shared with you for this person";
                case MISSING_INPUT -> "your account is not mapped to an agreement role";
                default -> CaseWords.reason(r.code()).orElse(r.code().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' '));
            });
        }
        return String.join("; ", new LinkedHashSet<>(out));
    }
}
