package org.threadline.app.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.breakglass.BreakGlass;
import org.threadline.app.web.people.PeopleViews;
import org.threadline.domain.chronology.ChronologyEvent;

/**
 * A person, and a person's chronology, for a declared purpose: built by the same {@link PeopleViews} as the person
 * page (every record and event decided by the policy decision point), audited by {@link ViewAudit} before the
 * response is written. Addressed by the opaque person id alone (ADR 0013); anything else there is "not found".
 */
@RestController
@RequestMapping(path = "/api/v1/people", produces = "application/json")
@Tag(name = "People", description = "A person and their chronology, as the policy decision point releases them")
public class PeopleApi {
    static final Pattern PERSON_ID = Pattern.compile("P\\d{7}");

    private final PeopleViews views;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final BreakGlass breakGlass;

    public PeopleApi(PeopleViews views, AccessPolicy policy, ViewAudit audit, BreakGlass breakGlass) {
        this.views = views;
        this.policy = policy;
        this.audit = audit;
        this.breakGlass = breakGlass;
    }

    /**
     * Who the policy decision point took the caller to be, and on what basis each source is released;
     * {@code breakGlass} is the caller's live grant for this person when one applied (null otherwise): sources it
     * released have the basis "break-glass access under ...".
     */
    public record Release(String party, List<String> roles, String purpose, String agreementPurpose,
                          String caseReference, List<Source> sources, List<String> notShownBecause,
                          BreakGlassApi.InForce breakGlass) {
    }

    /** One source the response shows something of, with the fields and the basis. */
    public record Source(String source, List<String> fields, String basis) {
    }

    /** The resolved identity: each part only if some record releases it. */
    public record Identity(String name, boolean nameShown, String dateOfBirth, String sex) {
    }

    /** A source record as released: the fields shown, and why any others are not. */
    /** {@code linkedBy}: why a rule, not the model, put the record in this person; null when the model did. */
    public record Record(String recordKey, String agency, String source, String part, double linkConfidence,
                         Map<String, String> fields, String otherFieldsNotShown, String basis, String linkedBy) {
    }

    /** A person as released to the caller. */
    public record Person(String personId, Identity identity, List<Record> records, int recordsNotShared,
                         Release release) {
    }

    /** An event as released (its summary reads "(details not shared with you)" when the details are withheld). */
    public record Event(String eventId, String date, String end, String agency, String type, String role,
                        String summary, boolean significant, Map<String, String> facts, double linkConfidence) {
    }

    /** A person's chronology as released: the events shown, and how many are not, with why. */
    public record Chronology(String personId, List<Event> events, List<String> notShown, Release release) {
    }

    @GetMapping("/{personId}")
    @Operation(summary = "A person: resolved identity and source records, as released for the declared purpose",
            description = "Every record is decided by the policy decision point for the key's agency and role and"
                + " the declared purpose; withheld fields are not named, records not shared at all are counted."
                + " The release is written to the audit log before the response is sent.")
    public Person person(ApiCaller caller, @Parameter(description = "The opaque person id, P and seven digits")
            @PathVariable("personId") String personId) {
        requireKnown(personId);
        Viewer v = breakGlass.forSubject(policy.viewer(caller.account(), caller.purpose()), personId);
        return audit.view(v, () -> {
            PeopleViews.Records r = views.records(v, personId, false);
            Map<String, String> labels = new LinkedHashMap<>();
            PeopleViews.identityFields().forEach((field, label) -> labels.put(label, field));
            List<Record> records = new ArrayList<>();
            for (PeopleViews.RecordView rv : r.records()) {
                Map<String, String> fields = new LinkedHashMap<>();
                String other = "";
                for (PeopleViews.Field f : rv.fields()) {
                    if (f.shown()) {
                        fields.put(labels.getOrDefault(f.label(), f.label()), f.value());
                    } else {
                        other = f.value();
                    }
                }
                records.add(new Record(rv.recordKey(), rv.agency(), rv.feed(), rv.part(), rv.linkConfidence(),
                        fields, other, rv.basis(), rv.linkedBy().orElse(null)));
            }
            PeopleViews.Identity id = r.identity();
            return new ViewAudit.Viewed<>(new Person(personId, new Identity(id.name(), id.nameShown(),
                    id.dateOfBirth(), id.sex()), records, r.notShared(), release(v, personId, r.accesses())),
                    r.accesses());
        });
    }

    @GetMapping("/{personId}/chronology")
    @Operation(summary = "A person's chronology, as released for the declared purpose",
            description = "An event is shown when its date is released for the person in their role on it; its"
                + " summary only when every column it is written from is released. Events not shown are counted"
                + " with the reason, without naming their agency. Audited before the response is sent.")
    public Chronology chronology(ApiCaller caller, @Parameter(description = "The opaque person id, P and seven"
            + " digits") @PathVariable("personId") String personId) {
        requireKnown(personId);
        Viewer v = breakGlass.forSubject(policy.viewer(caller.account(), caller.purpose()), personId);
        return audit.view(v, () -> {
            List<Access> accesses = new ArrayList<>();
            PeopleViews.Chronology c = views.chronology(v, List.of(personId), false, accesses);
            List<Event> events = c.visible().stream().map(PeopleApi::event).toList();
            return new ViewAudit.Viewed<>(new Chronology(personId, events, c.notShown(),
                    release(v, personId, accesses)), accesses);
        });
    }

    static Event event(ChronologyEvent e) {
        return new Event(e.eventId(), e.date().toString(), e.end().map(Object::toString).orElse(null), e.agency(),
                e.type(), e.role().name(), e.summary(), e.significant(), e.facts(), e.linkConfidence());
    }

    static Release release(Viewer v, String personId, List<Access> accesses) {
        List<Source> sources = Access.distinct(accesses.stream().filter(a -> a.subject().equals(personId)
                && a.any()).toList()).stream().map(a -> new Source(a.dataItem(), a.shownSorted(), a.basis()))
                .toList();
        return new Release(v.party(), List.copyOf(new java.util.TreeSet<>(v.principal().roles())),
                v.declared().code(), v.agreementPurpose(), v.declared().caseReferenceIfAny().orElse(null), sources,
                Access.reasonsNothingShown(accesses), v.breakGlass().filter(c -> c.subjectId().equals(personId))
                .map(c -> new BreakGlassApi.InForce(c.reasonCode(), c.activatedAt().plus(c.duration()).toString()))
                .orElse(null));
    }

    private void requireKnown(String personId) {
        if (!PERSON_ID.matcher(personId).matches() || !views.exists(personId)) {
            throw ApiProblem.notFound("No person has this id. Person ids are P followed by seven digits.");
        }
    }
}
