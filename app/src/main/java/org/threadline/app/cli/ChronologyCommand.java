package org.threadline.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.people.PeopleQueries;
import org.threadline.domain.chronology.Timeline;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./threadline chronology PERSON_ID [--family] [--significant] [--json]}. */
@Command(name = "chronology", mixinStandardHelpOptions = true,
        description = "The multi-agency chronology of a person or their family: facts in date order, one entry per"
                + " happening, routine events aggregated, gaps shown, and who to call.")
final class ChronologyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PERSON_ID")
    String personId;

    @Option(names = "--family", description = "The whole family's chronology (people related to this person).")
    boolean family;

    @Option(names = "--significant", description = "Only significant events (gaps still reflect all contact).")
    boolean significant;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (PeopleContext ctx = new PeopleContext(System.getenv())) {
            ctx.store.person(personId).orElseThrow(() -> new UsageException("no person " + personId
                    + " (run people build?)"));
            print(ctx.queries, personId, family, significant, json, out);
        }
        return 0;
    }

    private static Map<String, Object> entry(Timeline.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", e.date().toString());
        m.put("precision", e.date().precision().name());
        m.put("until", e.until().map(Object::toString).orElse(""));
        m.put("type", e.type());
        m.put("agencies", e.agencies());
        Map<String, String> people = new LinkedHashMap<>();
        e.people().forEach((k, v) -> people.put(k, v.name()));
        m.put("people", people);
        m.put("summary", e.summary());
        m.put("significant", e.significant());
        m.put("count", e.count());
        m.put("sources", e.sources().stream().map(Object::toString).toList());
        m.put("link_confidence", e.linkConfidence());
        return m;
    }

    static void print(PeopleQueries q, String personId, boolean family, boolean significant, boolean json,
                      PrintWriter out) throws Exception {
        Family f = q.family(personId);
        List<String> ids = family ? f.members().stream().map(PersonSummary::personId).toList() : List.of(personId);
        Timeline.Settings settings = significant ? Timeline.Settings.DEFAULT.significant() : Timeline.Settings.DEFAULT;
        Timeline t = q.chronology(ids, settings);
        Map<String, List<PeopleQueries.Involvement>> calls = new LinkedHashMap<>();
        for (String id : ids) {
            calls.put(id, q.whoToCall(id));
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("anchor", personId);
            doc.put("members", f.members().stream().filter(m -> ids.contains(m.personId())).map(m -> Map.of(
                    "person_id", m.personId(), "name", m.displayName(), "date_of_birth",
                    m.dateOfBirth().map(Object::toString).orElse(""), "sex", m.sex().name())).toList());
            doc.put("relationships", (family ? f.relationships() : f.relationshipsOf(personId)).stream()
                    .map(r -> Map.of("from", r.fromPerson(), "to", r.toPerson(), "type", r.type().name(),
                            "basis", r.basis().name(), "rule", r.rule(),
                            "evidence", r.evidence().stream().map(Object::toString).toList())).toList());
            doc.put("entries", t.entries().stream().map(ChronologyCommand::entry).toList());
            doc.put("gaps", t.gaps().stream().map(g -> Map.of("from", g.from().toString(), "to", g.to().toString(),
                    "days", g.days())).toList());
            Map<String, Object> who = new LinkedHashMap<>();
            calls.forEach((id, list) -> who.put(id, list.stream().map(i -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("agency", i.agency());
                m.put("events", i.events());
                m.put("first_contact", String.valueOf(i.firstContact()));
                m.put("last_contact", String.valueOf(i.lastContact()));
                m.put("open", i.openEpisodes());
                m.put("last_loaded", i.lastLoaded());
                m.put("coverage", i.coverage());
                return m;
            }).toList()));
            doc.put("who_to_call", who);
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            return;
        }
        out.println((family ? "Family chronology around " : "Chronology of ") + personId + " ("
                + t.entries().size() + " entries, " + t.gaps().size() + " gaps of more than "
                + settings.gapDays() + " days without agency contact)");
        for (PersonSummary m : f.members()) {
            if (ids.contains(m.personId())) {
                out.println("  " + PeopleCommand.describe(m));
            }
        }
        if (family) {
            PeopleCommand.printRelationships(out, f, f.relationships());
        }
        out.println();
        int g = 0;
        for (Timeline.Entry e : t.entries()) {
            while (g < t.gaps().size() && !t.gaps().get(g).to().isAfter(e.date().date())) {
                Timeline.Gap gap = t.gaps().get(g++);
                out.printf(Locale.UK, "  %-16s -- no agency contact for %d days (%s to %s) --%n", "", gap.days(),
                        gap.from(), gap.to());
            }
            String who = e.people().entrySet().stream().map(p -> p.getKey() + " " + p.getValue().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ')).reduce((a, b) -> a + ", " + b).orElse("");
            out.printf(Locale.UK, "  %-16s %s %-11s %-26s %s  [%s; %s; link %.2f]%n", e.date(),
                    e.significant() ? "*" : " ", String.join("+", e.agencies()), e.type(), e.summary(), who,
                    e.sources().size() == 1 ? e.sources().get(0) : e.sources().size() + " source rows",
                    e.linkConfidence());
        }
        out.println();
        out.println("Who to call (first and last contact per agency; data freshness, so no record is not read as"
                + " no involvement):");
        for (Map.Entry<String, List<PeopleQueries.Involvement>> c : calls.entrySet()) {
            out.println("  " + c.getKey() + ":");
            for (PeopleQueries.Involvement i : c.getValue()) {
                out.printf(Locale.UK, "    %-17s %s   data loaded %s, covering %s; practitioner not in the feed%n",
                        i.agency(), i.events() == 0 ? "no record held" : i.events() + " events, " + i.firstContact()
                                + " to " + i.lastContact() + (i.openEpisodes().isEmpty() ? ""
                                : "; open: " + String.join(", ", i.openEpisodes())), i.lastLoaded(), i.coverage());
            }
        }
    }
}
