package org.threadline.domain.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventDate;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.chronology.SourceRef;
import org.threadline.domain.people.Basis;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.PersonSummary;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.RelationshipType;
import org.threadline.domain.people.Sex;

/** Builds families and chronology events for the rule tests, and reads the shipped rulebooks. */
final class Fixtures {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
    private static final AtomicLong ROWS = new AtomicLong();

    private Fixtures() {
    }

    static Path config() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("config/rules"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("config/rules not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("config");
    }

    static EventVocabulary vocabulary() {
        return EventVocabulary.read(config().resolve("chronology/events.yaml"));
    }

    static Rulebook rulebook(String id) {
        return new RulebookReader(vocabulary()).read(config().resolve("rules/" + id + ".yaml"));
    }

    static PersonSummary person(String id, LocalDate dob) {
        return new PersonSummary(id, "Forename" + id, "Surname", Optional.ofNullable(dob), Sex.UNKNOWN);
    }

    static SourceRef source(String agency) {
        return new SourceRef(agency, agency + "-def", 1, ROWS.incrementAndGet());
    }

    static Relationship rel(String from, String to, RelationshipType type) {
        String a = from;
        String b = to;
        if (type.symmetric() && a.compareTo(b) > 0) {
            a = to;
            b = from;
        }
        return new Relationship(a, b, type, Basis.ASSERTED, "test", Optional.empty(), Optional.empty(),
                List.of(source("test")));
    }

    static Relationship household(String a, String b, LocalDate from, LocalDate to) {
        String x = a.compareTo(b) < 0 ? a : b;
        String y = a.compareTo(b) < 0 ? b : a;
        return new Relationship(x, y, RelationshipType.HOUSEHOLD_MEMBER_WITH, Basis.INFERRED, "co-resident",
                Optional.ofNullable(from), Optional.ofNullable(to), List.of(source("housing")));
    }

    /** A family: the child C (born 2014-05-10), mother M (1988), father F (1985); M and F parents of C. */
    static final class FamilyBuilder {
        final Map<String, PersonSummary> members = new LinkedHashMap<>();
        final List<Relationship> relationships = new ArrayList<>();
        String anchor = "C";

        FamilyBuilder member(String id, LocalDate dob) {
            members.put(id, person(id, dob));
            return this;
        }

        FamilyBuilder relate(String from, String to, RelationshipType type) {
            relationships.add(rel(from, to, type));
            return this;
        }

        FamilyBuilder relationship(Relationship r) {
            relationships.add(r);
            return this;
        }

        Family build() {
            return new Family(anchor, List.copyOf(members.values()), relationships);
        }

        PersonSummary get(String id) {
            return members.get(id);
        }
    }

    static FamilyBuilder childWithParents() {
        return new FamilyBuilder().member("C", LocalDate.of(2014, 5, 10)).member("M", LocalDate.of(1988, 2, 1))
                .member("F", LocalDate.of(1985, 7, 9)).relate("M", "C", RelationshipType.PARENT_OF)
                .relate("F", "C", RelationshipType.PARENT_OF);
    }

    static FamilyBuilder childAlone() {
        return new FamilyBuilder().member("C", LocalDate.of(2014, 5, 10));
    }

    /** An event builder: {@code event("M", "DOMESTIC_ABUSE_INCIDENT", date).role(VICTIM).fact("dash_risk", "HIGH")}. */
    static final class EventBuilder {
        private static final AtomicLong IDS = new AtomicLong();
        private final String person;
        private final String type;
        private final EventDate date;
        private EventRole role = EventRole.SUBJECT;
        private Optional<EventDate> end = Optional.empty();
        private final Map<String, String> facts = new LinkedHashMap<>();
        private String agency = "test-agency";
        private String id;

        EventBuilder(String person, String type, EventDate date) {
            this.person = person;
            this.type = type;
            this.date = date;
            this.id = "E" + IDS.incrementAndGet();
        }

        EventBuilder role(EventRole r) {
            this.role = r;
            return this;
        }

        EventBuilder fact(String name, String value) {
            facts.put(name, value);
            return this;
        }

        EventBuilder facts(String... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                facts.put(pairs[i], pairs[i + 1]);
            }
            return this;
        }

        EventBuilder end(LocalDate d) {
            this.end = Optional.of(EventDate.day(d));
            return this;
        }

        EventBuilder agency(String a) {
            this.agency = a;
            return this;
        }

        EventBuilder id(String i) {
            this.id = i;
            return this;
        }

        ChronologyEvent build() {
            return new ChronologyEvent(id, person, date, end, agency, type, role, type + " " + facts, true, facts,
                    List.of(source(agency)), 1.0);
        }
    }

    static EventBuilder event(String person, String type, LocalDate date) {
        return new EventBuilder(person, type, EventDate.day(date));
    }

    static EventBuilder event(String person, String type, EventDate date) {
        return new EventBuilder(person, type, date);
    }

    static List<ChronologyEvent> events(EventBuilder... builders) {
        return Arrays.stream(builders).map(EventBuilder::build).toList();
    }
}
