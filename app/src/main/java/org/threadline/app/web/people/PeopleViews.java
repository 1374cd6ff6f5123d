package org.threadline.app.web.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.threadline.app.people.MatchExplanations;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.Timeline;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Builds what the person, family and review pages show, deciding every record and event through the policy
 * decision point ({@link AccessPolicy}) and keeping every decision for the audit log. Nothing withheld reaches a
 * model: a withheld field is replaced by the reason it is withheld. The command line's {@code people show} and
 * {@code chronology} decide through the same methods (constructed without Spring), so a practitioner sees the same
 * records and events on a page and in a terminal.
 */
@Component
public class PeopleViews {
    /** Fields of a record's identity, in the order a page shows them, with their labels. */
    static final Map<String, String> IDENTITY = new LinkedHashMap<>();

    static {
        IDENTITY.put("forename", "Forename");
        IDENTITY.put("surname", "Surname");
        IDENTITY.put("date_of_birth", "Date of birth");
        IDENTITY.put("sex", "Sex");
        IDENTITY.put("address_line", "Address");
        IDENTITY.put("postcode", "Postcode");
        IDENTITY.put("nhs_number", "NHS number");
        IDENTITY.put("upn", "UPN");
        IDENTITY.put("pnc_id", "PNC ID");
        IDENTITY.put("ni_number", "NI number");
    }

    /** Field name to label, in page order (the REST API names fields by these names). */
    public static Map<String, String> identityFields() {
        return java.util.Collections.unmodifiableMap(IDENTITY);
    }

    private final PeopleStore store;
    private final MatchExplanations.Latest explanations;
    private final PeopleQueries queries;
    private final AccessPolicy policy;

    public PeopleViews(PeopleStore store, PeopleQueries queries, AccessPolicy policy) {
        this.store = store;
        this.explanations = new MatchExplanations.Latest(store);
        this.queries = queries;
        this.policy = policy;
    }

    /** A field as shown: its label and either its value or why it is not shown. */
    public record Field(String label, String value, boolean shown) {
    }

    /** A source record as shown. */
    /**
     * A source record as shown. {@code linkedBy}: why a rule, not the model, put the record in this person (then
     * there is no waterfall: the model's evidence is not what joined it).
     */
    public record RecordView(String recordKey, String agency, String feed, String part, double linkConfidence,
                             List<Field> fields, String basis, boolean visible,
                             Optional<MatchExplanations.Waterfall> join, Optional<Pictures.Waterfall> picture,
                             Optional<String> linkedBy) {
    }

    /** A person's resolved identity as shown: each part present only if some record releases it. */
    public record Identity(String personId, String name, String dateOfBirth, String sex, boolean nameShown) {
    }

    /**
     * What was decided about one person's records: the views of records with something shown, how many records
     * are not shared at all and why (neither their agency nor their feed is named: that alone can be telling),
     * and the accesses for the audit log.
     */
    public record Records(Identity identity, List<RecordView> records, int notShared, List<String> whyNotShared,
                   List<Access> accesses) {
        public int getNotShared() {
            return notShared;
        }
    }

    /** Decides every record of a person and the identity they support. */
    public Records records(Viewer v, String personId, boolean explain) {
        PersonSummary p = store.person(personId).orElseThrow();
        List<Build.RecordRow> rows = store.recordsOf(personId);
        List<Access> accesses = new ArrayList<>();
        for (Build.RecordRow r : rows) {
            accesses.add(policy.record(v, r));
        }
        // Joins are explained only between records the viewer may see: a waterfall against a hidden record would
        // name it and show what its fields agreed on.
        List<Build.RecordRow> shared = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (accesses.get(i).any()) {
                shared.add(rows.get(i));
            }
        }
        Map<String, MatchExplanations.Waterfall> joins = explain
                ? explanations.get().strongestJoins(shared, 25) : Map.of();
        List<RecordView> views = new ArrayList<>();
        boolean name = false;
        boolean dob = false;
        boolean sex = false;
        int notShared = 0;
        java.util.Set<String> whyNot = new java.util.TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Build.RecordRow r = rows.get(i);
            Access a = accesses.get(i);
            if (!a.any()) {
                notShared++;
                whyNot.add(a.basis());
                continue;
            }
            name |= a.shows("surname") || a.shows("forename");
            dob |= a.shows("date_of_birth");
            sex |= a.shows("sex");
            Optional<MatchExplanations.Waterfall> join = r.linkedBy().isPresent() ? Optional.empty()
                    : Optional.ofNullable(joins.get(r.recordKey()));
            views.add(new RecordView(r.recordKey(), r.agency(), r.definitionId(), r.part(), r.linkConfidence(),
                    fields(r, a), a.basis(), true, join,
                    join.map(w -> Pictures.waterfall(w.prior(), w.bars(), w.total())), r.linkedBy()));
        }
        Identity identity = new Identity(personId, name ? p.displayName() : "Name not shared with you",
                dob ? p.dateOfBirth().map(Object::toString).orElse("Not known") : "Not shared with you",
                sex ? p.sex().toString() : "Not shared with you", name);
        return new Records(identity, views, notShared, List.copyOf(whyNot), accesses);
    }

    /**
     * The fields shown. Withheld fields are not named (that a record holds a PNC ID is itself telling): one line
     * says that other fields are held and why they are not shown.
     */
    static List<Field> fields(Build.RecordRow r, Access a) {
        List<Field> out = new ArrayList<>();
        boolean withheld = false;
        for (Map.Entry<String, String> e : IDENTITY.entrySet()) {
            String value = r.identity().getOrDefault(e.getKey(), "");
            if (value.isBlank()) {
                continue;
            }
            if (a.shows(e.getKey())) {
                out.add(new Field(e.getValue(), value, true));
            } else {
                withheld = true;
            }
        }
        if (withheld) {
            out.add(new Field("Other fields", "not shown: " + a.basisOfWithheld(), false));
        }
        return out;
    }

    /** A relationship as shown. */
    public record RelationshipView(String fromId, String fromName, String type, String toId, String toName,
                                   String basis, String rule, int evidence) {
    }

    /** The chronology as shown: the visible events' timeline, and what was not shown, by agency, with why. */
    public record Chronology(Timeline timeline, Pictures.TimelinePicture picture, List<String> notShown,
                             List<ChronologyEvent> visible) {
    }

    public Chronology chronology(Viewer v, List<String> personIds, boolean significantOnly, List<Access> accesses) {
        List<ChronologyEvent> visible = new ArrayList<>();
        Map<String, Integer> hidden = new TreeMap<>();
        Map<String, String> why = new HashMap<>();
        Map<String, Access> decided = new HashMap<>();
        for (ChronologyEvent e : queries.events(personIds)) {
            String item = e.sources().isEmpty() ? e.agency() : e.sources().get(0).definitionId();
            // One decision per data item, person and role on the event covers all such events.
            Access a = decided.computeIfAbsent(item + "|" + e.personId() + "|" + e.role(), k -> {
                Access x = policy.event(v, e);
                accesses.add(x);
                return x;
            });
            if (a.any()) {
                visible.add(a.shows("summary") ? e : withoutDetails(e));
            } else {
                hidden.merge(e.agency(), 1, Integer::sum);
                why.putIfAbsent(e.agency(), a.basis());
            }
        }
        Timeline.Settings settings = significantOnly ? Timeline.Settings.DEFAULT.significant()
                : Timeline.Settings.DEFAULT;
        Timeline t = Timeline.of(visible, settings);
        int n = hidden.values().stream().mapToInt(Integer::intValue).sum();
        List<String> notShown = n == 0 ? List.of() : List.of(n + (n == 1 ? " event is" : " events are")
                + " not shown: " + String.join("; ", new java.util.TreeSet<>(why.values())) + ".");
        return new Chronology(t, Pictures.timeline(t), notShown, visible);
    }

    /** The event with its summary replaced: the feed's details behind it are not all released to the viewer. */
    public static ChronologyEvent withoutDetails(ChronologyEvent e) {
        String type = e.type().toLowerCase(Locale.ROOT).replace('_', ' ');
        return new ChronologyEvent(e.eventId(), e.personId(), e.date(), e.end(), e.agency(), e.type(), e.role(),
                Character.toUpperCase(type.charAt(0)) + type.substring(1) + " (details not shared with you)",
                e.significant(), Map.of(), e.sources(), e.linkConfidence());
    }

    /**
     * The relationships the viewer may see: those with at least one evidence row whose source shares names with
     * them (a tie known only from a source not shared with them is not shown, and its source not named).
     */
    public List<Relationship> visible(Viewer v, List<Relationship> relationships, List<Access> accesses, int[] hidden) {
        List<Relationship> out = new ArrayList<>();
        Map<String, Access> decided = new HashMap<>();
        for (Relationship r : relationships) {
            boolean shown = false;
            for (org.threadline.domain.chronology.SourceRef e : r.evidence()) {
                Access a = decided.computeIfAbsent(e.definitionId() + "|" + r.fromPerson(), k -> {
                    Access x = policy.evidence(v, e, r.fromPerson());
                    accesses.add(x);
                    return x;
                });
                if (a.any()) {
                    shown = true;
                    break;
                }
            }
            if (shown) {
                out.add(r);
            } else {
                hidden[0]++;
            }
        }
        return out;
    }

    /** Relationships, naming the other person only where their name is shared with the viewer. */
    List<RelationshipView> relationships(List<Relationship> relationships, Map<String, String> names) {
        return relationships.stream().map(r -> new RelationshipView(r.fromPerson(),
                names.getOrDefault(r.fromPerson(), "name not shared"),
                r.type().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.toPerson(),
                names.getOrDefault(r.toPerson(), "name not shared"), r.basis().name().toLowerCase(Locale.ROOT),
                r.rule(), r.evidence().size())).toList();
    }

    /** Names of several people, each only if a record of theirs releases it (the decisions join the audit). */
    public Map<String, String> names(Viewer v, List<String> personIds, List<Access> accesses) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : personIds) {
            Records r = records(v, id, false);
            accesses.addAll(r.accesses());
            out.put(id, r.identity().nameShown() ? r.identity().name() : "Name not shared (" + id + ")");
        }
        return out;
    }

    public Family family(String personId) {
        return queries.family(personId);
    }

    List<PeopleQueries.Involvement> whoToCall(String personId, List<ChronologyEvent> visible) {
        return queries.whoToCall(List.of(personId), visible).get(personId);
    }

    public boolean exists(String personId) {
        return store.person(personId).isPresent();
    }

    PeopleStore store() {
        return store;
    }
}
