package org.threadline.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.threadline.app.people.PeopleQueries;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.people.PeopleViews;
import org.threadline.domain.chronology.Timeline;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.Relationship;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline chronology PERSON_ID --as AGENCY:ROLE --purpose CODE [--case REF] [--family] [--significant]
 * [--json]}: only the events, identities and relationships the agreements release to the declared reader, with
 * what was withheld counted and explained, and every decision in the audit log before anything is printed.
 */
@Command(name = "chronology", mixinStandardHelpOptions = true,
        description = {"The multi-agency chronology of a person or their family: facts in date order, one entry per"
                + " happening, routine events aggregated, gaps shown, and who to call.",
            "Only what the sharing agreements release to --as for --purpose (and --case) is shown; what is withheld"
                + " is counted with its reasons, and the read is recorded in the audit log."})
final class ChronologyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PERSON_ID")
    String personId;

    @Mixin
    DeclaredAccess access;

    @Option(names = "--family", description = "The whole family's chronology (people related to this person).")
    boolean family;

    @Option(names = "--significant", description = "Only significant events (gaps still reflect all contact).")
    boolean significant;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final Clock clock;

    ChronologyCommand() {
        this(System.getenv(), Clock.systemUTC());
    }

    ChronologyCommand(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PeopleContext ctx = new PeopleContext(environment)) {
            GovernedReads reads = new GovernedReads(ctx, clock);
            Viewer v = access.viewer(reads, clock);
            if (!reads.views.exists(personId)) {
                throw new UsageException("no person " + personId + " (run people build?)");
            }
            print(reads, v, personId, family, significant, json, out);
        }
        return 0;
    }

    /** Who a printout is about: identities as released, and the ties shown between them. */
    private record Members(List<String> ids, Map<String, PeopleViews.Identity> identities, List<Relationship> ties,
                           int hiddenTies, int recordsNotShared, List<String> whyNotShared) {
        Map<String, String> names() {
            Map<String, String> names = new LinkedHashMap<>();
            identities.forEach((id, i) -> names.put(id, i.nameShown() ? i.name() : "name not shared"));
            return names;
        }
    }

    /** Decides and prints (or writes as JSON) a governed chronology; the demo prints its sample family this way. */
    static void print(GovernedReads reads, Viewer v, String personId, boolean family, boolean significant,
                      boolean json, PrintWriter out) {
        reads.print(v, out, (w, accesses) -> {
            Members m = members(reads, v, personId, family, accesses);
            PeopleViews.Chronology c = reads.views.chronology(v, m.ids(), significant, accesses);
            Timeline t = c.timeline();
            Map<String, List<PeopleQueries.Involvement>> calls = reads.ctx.queries.whoToCall(m.ids(), c.visible());
            long withoutDetails = c.visible().stream().filter(e -> e.facts().isEmpty()
                    && e.summary().endsWith("(details not shared with you)")).count();
            if (json) {
                w.println(json(v, personId, m, t, calls, c.notShown(), withoutDetails, accesses));
                return;
            }
            Timeline.Settings settings = significant ? Timeline.Settings.DEFAULT.significant()
                    : Timeline.Settings.DEFAULT;
            w.println((family ? "Family chronology around " : "Chronology of ") + personId + " (" + t.entries().size()
                    + " entries, " + t.gaps().size() + " gaps of more than " + settings.gapDays()
                    + " days without agency contact)");
            w.println(GovernedReads.readAs(v));
            m.ids().forEach(id -> w.println("  " + describe(m.identities().get(id))));
            if (family) {
                printRelationships(w, m.ties(), m.names());
            }
            w.println();
            printEntries(w, t);
            w.println();
            w.println("Who to call (first and last contact per agency in what is shared with you; data freshness, so"
                    + " no record is not read as no involvement):");
            for (Map.Entry<String, List<PeopleQueries.Involvement>> call : calls.entrySet()) {
                w.println("  " + call.getKey() + ":");
                for (PeopleQueries.Involvement i : call.getValue()) {
                    w.printf(Locale.UK, "    %-17s %s   data loaded %s, covering %s; practitioner not in the feed%n",
                            i.agency(), i.events() == 0 ? "no record shared" : i.events() + " events, "
                                    + i.firstContact() + " to " + i.lastContact() + (i.openEpisodes().isEmpty() ? ""
                                    : "; open: " + String.join(", ", i.openEpisodes())), i.lastLoaded(),
                            i.coverage());
                }
            }
            w.println();
            GovernedReads.withheld(w, m.recordsNotShared(), m.whyNotShared(), c.notShown(), withoutDetails,
                    m.hiddenTies(), accesses);
        });
    }

    /**
     * The anchor alone, or (with {@code family}) the anchor and the people a shown tie reaches: family membership
     * itself can come from sources not shared with the reader, as on the web's family page.
     */
    private static Members members(GovernedReads reads, Viewer v, String personId, boolean family,
                                   List<Access> accesses) {
        int[] hidden = {0};
        List<Relationship> ties = List.of();
        Set<String> reached = new LinkedHashSet<>(List.of(personId));
        List<String> ids = new ArrayList<>(List.of(personId));
        if (family) {
            Family f = reads.views.family(personId);
            ties = reads.views.visible(v, f.relationships(), accesses, hidden);
            ties.forEach(r -> {
                reached.add(r.fromPerson());
                reached.add(r.toPerson());
            });
            ids = new ArrayList<>(f.members().stream().map(p -> p.personId()).filter(reached::contains).toList());
            if (!ids.contains(personId)) {
                ids.add(0, personId);
            }
        }
        Map<String, PeopleViews.Identity> identities = new LinkedHashMap<>();
        int notShared = 0;
        Set<String> why = new java.util.TreeSet<>();
        for (String id : reached) {
            PeopleViews.Records r = reads.views.records(v, id, false);
            accesses.addAll(r.accesses());
            identities.put(id, r.identity());
            if (ids.contains(id)) {
                notShared += r.notShared();
                why.addAll(r.whyNotShared());
            }
        }
        return new Members(List.copyOf(ids), identities, ties, hidden[0], notShared, List.copyOf(why));
    }

    static String describe(PeopleViews.Identity i) {
        return i.personId() + "  " + i.name() + ", born " + i.dateOfBirth() + ", sex " + i.sex();
    }

    static void printRelationships(PrintWriter w, List<Relationship> ties, Map<String, String> names) {
        w.println("Relationships shown to you (asserted: a source said so; inferred: a named rule concluded it):");
        if (ties.isEmpty()) {
            w.println("  none shown");
        }
        for (Relationship r : ties) {
            w.printf(Locale.UK, "  %s (%s) %s %s (%s)  [%s: %s; %d evidence row(s)]%n", r.fromPerson(),
                    names.getOrDefault(r.fromPerson(), "name not shared"),
                    r.type().name().toLowerCase(Locale.ROOT).replace('_', ' '), r.toPerson(),
                    names.getOrDefault(r.toPerson(), "name not shared"), r.basis().name().toLowerCase(Locale.ROOT),
                    r.rule(), r.evidence().size());
        }
    }

    private static void printEntries(PrintWriter w, Timeline t) {
        int g = 0;
        for (Timeline.Entry e : t.entries()) {
            while (g < t.gaps().size() && !t.gaps().get(g).to().isAfter(e.date().date())) {
                Timeline.Gap gap = t.gaps().get(g++);
                w.printf(Locale.UK, "  %-16s -- no agency contact for %d days (%s to %s) --%n", "", gap.days(),
                        gap.from(), gap.to());
            }
            String who = e.people().entrySet().stream().map(p -> p.getKey() + " " + p.getValue().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ')).reduce((a, b) -> a + ", " + b).orElse("");
            w.printf(Locale.UK, "  %-16s %s %-11s %-26s %s  [%s; %s; link %.2f]%n", e.date(),
                    e.significant() ? "*" : " ", String.join("+", e.agencies()), e.type(), e.summary(), who,
                    e.sources().size() == 1 ? e.sources().get(0) : e.sources().size() + " source rows",
                    e.linkConfidence());
        }
    }

    private static String json(Viewer v, String personId, Members m, Timeline t,
                               Map<String, List<PeopleQueries.Involvement>> calls, List<String> eventsNotShown,
                               long withoutDetails, List<Access> accesses) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("anchor", personId);
        Map<String, Object> readAs = new LinkedHashMap<>();
        readAs.put("user", v.account().username());
        readAs.put("agency", v.party());
        readAs.put("roles", List.copyOf(v.principal().roles()));
        readAs.put("purpose", v.declared().code());
        readAs.put("case", v.declared().caseReferenceIfAny().orElse(""));
        doc.put("read_as", readAs);
        doc.put("members", m.ids().stream().map(id -> {
            PeopleViews.Identity i = m.identities().get(id);
            return Map.of("person_id", id, "name", i.name(), "date_of_birth", i.dateOfBirth(), "sex", i.sex());
        }).toList());
        doc.put("relationships", m.ties().stream().map(r -> Map.of("from", r.fromPerson(), "to", r.toPerson(),
                "type", r.type().name(), "basis", r.basis().name(), "rule", r.rule(),
                "evidence_rows", r.evidence().size())).toList());
        doc.put("entries", t.entries().stream().map(ChronologyCommand::entry).toList());
        doc.put("gaps", t.gaps().stream().map(g -> Map.of("from", g.from().toString(), "to", g.to().toString(),
                "days", g.days())).toList());
        Map<String, Object> who = new LinkedHashMap<>();
        calls.forEach((id, list) -> who.put(id, list.stream().map(i -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("agency", i.agency());
            x.put("events", i.events());
            x.put("first_contact", String.valueOf(i.firstContact()));
            x.put("last_contact", String.valueOf(i.lastContact()));
            x.put("open", i.openEpisodes());
            x.put("last_loaded", i.lastLoaded());
            x.put("coverage", i.coverage());
            return x;
        }).toList()));
        doc.put("who_to_call", who);
        Map<String, Object> withheld = new LinkedHashMap<>();
        withheld.put("records_not_shared", m.recordsNotShared());
        withheld.put("records_reasons", m.whyNotShared());
        withheld.put("events_not_shown", eventsNotShown);
        withheld.put("events_without_details", withoutDetails);
        withheld.put("relationships_not_shown", m.hiddenTies());
        withheld.put("reasons_nothing_shown", Access.reasonsNothingShown(accesses));
        doc.put("withheld", withheld);
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> entry(Timeline.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", e.date().toString());
        m.put("precision", e.date().precision().name());
        m.put("until", e.until().map(Object::toString).orElse(""));
        m.put("type", e.type());
        m.put("agencies", e.agencies());
        Map<String, String> people = new HashMap<>();
        e.people().forEach((k, v) -> people.put(k, v.name()));
        m.put("people", new java.util.TreeMap<>(people));
        m.put("summary", e.summary());
        m.put("significant", e.significant());
        m.put("count", e.count());
        m.put("sources", e.sources().stream().map(Object::toString).toList());
        m.put("link_confidence", e.linkConfidence());
        return m;
    }
}
