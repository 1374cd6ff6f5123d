package org.threadline.synth.truth;

import java.util.Locale;
import static org.threadline.synth.output.ColumnSpec.text;

import java.util.ArrayList;
import java.util.List;
import org.threadline.synth.extracts.Keys;
import org.threadline.synth.output.ColumnSpec;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.output.XlsxOptions;
import org.threadline.synth.places.Address;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.LifeEvent;
import org.threadline.synth.population.Lineage;
import org.threadline.synth.population.Partnership;
import org.threadline.synth.population.Person;
import org.threadline.synth.population.Residence;
import org.threadline.synth.population.Spell;

/** The truth tables and how one lineage renders into them. Record and error rows are added by the generator. */
public final class TruthTables {
    public static final int PEOPLE = 0;
    public static final int RESIDENCES = 1;
    public static final int RELATIONSHIPS = 2;
    public static final int ADVERSITIES = 3;
    public static final int OUTCOMES = 4;
    public static final int RECORDS = 5;
    public static final int ERRORS = 6;

    private static final List<TableSpec> TABLES = List.of(
            spec("people", "person_id", "family_id", "sex", "heritage", "forename", "middle_names", "birth_surname",
                    "surname_at_extract", "date_of_birth", "date_of_death", "mother_id", "father_id",
                    "joined_as_partner", "twin", "nhs_number", "ni_number", "archetype", "family_local_authority",
                    "family_deprivation_quintile"),
            spec("residences", "person_id", "household_id", "uprn", "address", "postcode", "local_authority",
                    "from", "to"),
            spec("relationships", "person_id", "related_person_id", "relationship", "from", "to", "married",
                    "abuser_id"),
            spec("adversities", "person_id", "adversity", "from", "to"),
            spec("outcomes", "person_id", "childhood_adversities", "childhood_adversity_count", "looked_after",
                    "missing_episodes", "exclusions", "persistent_absence_years", "first_offence_age",
                    "exploited", "ed_assault_attendances"),
            spec("records", "file", "row", "person_id"),
            spec("errors", "file", "row", "column", "error", "true_value", "recorded_value"));

    private TruthTables() {
    }

    public static List<TableSpec> tables() {
        return TABLES;
    }

    /**
     * The family's deprivation (the generator's latent 0–1 score that drives its risks and where it lives) as a
     * quintile of the score's range, 1 least and 5 most deprived: the "area deprivation" subgroup against which
     * indicator accuracy is compared. Truth only: no extract carries it.
     */
    static String deprivationQuintile(double deprivation) {
        return Integer.toString(Math.min(5, 1 + (int) Math.floor(deprivation * 5)));
    }

    private static TableSpec spec(String name, String... columns) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(text(c));
        }
        return new TableSpec(name, cols, CsvDialect.rfc4180(), XlsxOptions.sheet(name));
    }

    /** Renders one lineage's people, residences, relationships, adversities and outcomes. */
    public static List<List<String[]>> render(Lineage lineage, long serialOffset, Keys keys,
                                              java.util.function.LongFunction<Address> addresses) {
        List<List<String[]>> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(new ArrayList<>());
        }
        String family = String.format(Locale.ROOT, "F%07d", lineage.index());
        for (Person p : lineage.people()) {
            long serial = serialOffset + p.index();
            out.get(PEOPLE).add(new String[] {Keys.personId(serial), family, p.sex().name(), p.heritage().name(),
                p.birthName().forename(), String.join(" ", p.birthName().middleNames()), p.birthName().surname(),
                p.surnameOn(Day.NONE - 1), date(p.born()), date(p.died()), id(serialOffset, p.mother()),
                id(serialOffset, p.father()), yes(p.joined()), yes(p.twin()), keys.nhsNumber(serial),
                keys.niNumber(serial), lineage.archetype().name(), lineage.localAuthority(),
                deprivationQuintile(lineage.deprivation())});
            for (Spell s : p.spells()) {
                out.get(ADVERSITIES).add(new String[] {Keys.personId(serial), s.kind().name(), date(s.from()),
                    date(s.to())});
            }
            out.get(OUTCOMES).add(outcomes(lineage, p, serial));
        }
        for (Residence r : lineage.residences()) {
            if (r.from() >= r.to()) {
                continue;
            }
            Address a = addresses.apply(r.address());
            out.get(RESIDENCES).add(new String[] {Keys.personId(serialOffset + r.person()),
                String.format(Locale.ROOT, "H%07d-%03d", lineage.index(), r.household()), Long.toString(a.uprn()),
                a.singleLine(), a.postcode(), lineage.authorityOf(r.address()), date(r.from()), date(r.to())});
        }
        for (Person p : lineage.people()) {
            for (int parent : new int[] {p.mother(), p.father()}) {
                if (parent >= 0) {
                    out.get(RELATIONSHIPS).add(new String[] {Keys.personId(serialOffset + parent),
                        Keys.personId(serialOffset + p.index()), "PARENT_OF", date(p.born()), "", "", ""});
                }
            }
        }
        for (Partnership pt : lineage.partnerships()) {
            out.get(RELATIONSHIPS).add(new String[] {Keys.personId(serialOffset + pt.first()),
                Keys.personId(serialOffset + pt.second()), "PARTNER_OF", date(pt.from()), date(pt.to()),
                yes(pt.married()), pt.abusive() ? Keys.personId(serialOffset + pt.abuser()) : ""});
        }
        return out;
    }

    private static String[] outcomes(Lineage lineage, Person p, long serial) {
        int missing = 0;
        int exclusions = 0;
        int persistent = 0;
        int firstOffence = -1;
        int edAssaults = 0;
        boolean lookedAfter = false;
        boolean exploited = false;
        for (LifeEvent e : lineage.events()) {
            if (e.subject() != p.index()) {
                continue;
            }
            switch (e.kind()) {
                case MISSING_EPISODE -> missing++;
                case EXCLUSION -> exclusions++;
                case SCHOOL_YEAR -> persistent += e.value() >= 0.1 ? 1 : 0;
                case CRIME -> firstOffence = firstOffence < 0 ? p.ageOn(e.day()) : firstOffence;
                case ED_ATTENDANCE -> edAssaults += e.code() == 2 || e.code() == 3 ? 1 : 0;
                case CARE_PLACEMENT -> lookedAfter = true;
                case EXPLOITATION_CONCERN -> exploited = true;
                default -> { }
            }
        }
        List<String> aces = p.childhoodAdversities();
        return new String[] {Keys.personId(serial), String.join("|", aces), Integer.toString(aces.size()),
            yes(lookedAfter), Integer.toString(missing), Integer.toString(exclusions), Integer.toString(persistent),
            firstOffence < 0 ? "" : Integer.toString(firstOffence), yes(exploited), Integer.toString(edAssaults)};
    }

    private static String id(long offset, int index) {
        return index < 0 ? "" : Keys.personId(offset + index);
    }

    private static String date(int day) {
        return day == Day.NONE ? "" : Day.date(day).toString();
    }

    private static String yes(boolean b) {
        return b ? "Y" : "N";
    }
}
