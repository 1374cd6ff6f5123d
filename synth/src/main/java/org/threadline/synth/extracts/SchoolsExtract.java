package org.threadline.synth.extracts;

import java.util.Locale;
import static org.threadline.synth.output.ColumnSpec.date;
import static org.threadline.synth.output.ColumnSpec.integer;
import static org.threadline.synth.output.ColumnSpec.text;

import java.util.List;
import java.util.Map;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.places.Address;
import org.threadline.synth.population.Adversity;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.EventKind;
import org.threadline.synth.population.LifeEvent;
import org.threadline.synth.population.Person;

/**
 * Schools (as the local authority's education service collects them): a census row per pupil per academic year with
 * the UPN and legal names (education records the full forename, never a familiar form), termly attendance with
 * absence codes, and suspensions and exclusions. ISO dates.
 */
public final class SchoolsExtract extends BaseExtract {
    static final String AGENCY = "schools";
    /** The local authority keeps the last five academic years of census, attendance and exclusions. */
    static final int FROM = Day.of(2021, 9, 1);
    /**
     * LA codes for UPNs. 330 Birmingham is CONFIRMED in DOMAIN.md; 331-336 for the others is UNCONFIRMED there and
     * used as a placeholder.
     */
    static final Map<String, String> LA_CODES = Map.of("Birmingham", "330", "Coventry", "331", "Dudley", "332",
            "Sandwell", "333", "Solihull", "334", "Walsall", "335", "Wolverhampton", "336");
    private static final String[] TERMS = {"AUT", "SPR", "SUM"};
    private static final int[] TERM_SESSIONS = {140, 120, 120};
    private static final String[] EXCLUSION_REASONS = {"PP", "PA", "VP", "VA", "BU", "DA", "DM", "DB", "MT", "OW"};

    private static final int UPN = 0, SURNAME = 1, FORENAME = 2, MIDDLE = 3, DOB = 4, SEX = 5, ETHNICITY = 6,
            ADDRESS = 7, POSTCODE = 8, URN = 9, SCHOOL = 10, YEAR = 11, NCY = 12, FSM = 13;

    private static final List<TableSpec> TABLES = List.of(
            Cells.table("pupils", CsvDialect.rfc4180(), "Census", List.of(text("UPN"), text("LegalSurname"),
                    text("LegalForename"), text("MiddleNames"), date("DOB", "yyyy-MM-dd"), text("Sex"),
                    text("Ethnicity"), text("Address"), text("Postcode"), text("SchoolURN"), text("SchoolName"),
                    text("AcademicYear"), integer("NCYearActual"), text("FSMEligible"))),
            Cells.table("attendance", CsvDialect.rfc4180(), "Attendance", List.of(text("UPN"), text("SchoolURN"),
                    text("AcademicYear"), text("Term"), integer("PossibleSessions"), integer("SessionsPresent"),
                    integer("AuthorisedAbsence"), integer("UnauthorisedAbsence"), text("AbsenceCodes"))),
            Cells.table("exclusions", CsvDialect.rfc4180(), "Exclusions", List.of(text("UPN"), text("SchoolURN"),
                    date("StartDate", "yyyy-MM-dd"), text("Category"), integer("Sessions"), text("Reason"))));

    public SchoolsExtract() {
        super(AGENCY, "Schools: pupil census with UPN and legal names, termly attendance with absence codes, "
                + "suspensions and permanent exclusions", TABLES);
    }

    @Override
    public void render(ExtractContext ctx, RowSink sink) {
        for (LifeEvent e : ctx.lineage().events()) {
            if (e.day() < FROM) {
                continue;
            }
            if (e.kind() == EventKind.SCHOOL_YEAR) {
                schoolYear(ctx, sink, e);
            } else if (e.kind() == EventKind.EXCLUSION) {
                exclusion(ctx, sink, e);
            }
        }
    }

    private void schoolYear(ExtractContext ctx, RowSink sink, LifeEvent e) {
        int child = e.subject();
        Person p = ctx.person(child);
        Address home = ctx.address(e.address());
        School school = School.serving(ctx, home, e.code());
        String year = academicYear(e.day());
        Row row = sink.row(0, child);
        String upn = upn(ctx, child);
        row.set(UPN, ctx.noise().identifier(row, UPN, upn, org.threadline.domain.identifiers.Upn::isValid));
        Cells.names(ctx, row, child, e.day(), FORENAME, MIDDLE, SURNAME, false, Cells.Case.AS_GIVEN);
        Cells.dateOfBirth(ctx, row, DOB, child, Cells.ISO_DATE);
        row.set(SEX, Cells.sex(p, "F", "M"));
        row.set(ETHNICITY, p.heritage().dfeEthnicityCode());
        Cells.address(ctx, row, ADDRESS, POSTCODE, child, e.day());
        row.set(URN, school.urn());
        row.set(SCHOOL, school.name());
        row.set(YEAR, year);
        row.set(NCY, Integer.toString(p.ageOn(e.day()) - 4));
        row.set(FSM, ctx.lineage().deprivation() > 0.55 ? "Y" : "N");
        attendance(ctx, sink, e, child, upn, school, year);
    }

    private void attendance(ExtractContext ctx, RowSink sink, LifeEvent e, int child, String upn, School school,
                            String year) {
        for (int t = 0; t < TERMS.length; t++) {
            int termStart = e.day() + t * 120;
            if (termStart >= ctx.asOf()) {
                return;
            }
            int possible = TERM_SESSIONS[t];
            int absent = (int) Math.round(possible * e.value() * (0.7 + 0.6 * ctx.random().nextDouble()));
            absent = Math.min(possible, absent);
            int unauthorised = ctx.person(child).inSpell(Adversity.EXPLOITED, termStart)
                    ? absent * 3 / 4 : absent / 3;
            int authorised = absent - unauthorised;
            Row row = sink.row(1, child);
            row.set(0, upn);
            row.set(1, school.urn());
            row.set(2, year);
            row.set(3, TERMS[t]);
            row.set(4, Integer.toString(possible));
            row.set(5, Integer.toString(possible - absent));
            row.set(6, Integer.toString(authorised));
            row.set(7, Integer.toString(unauthorised));
            row.set(8, codes(authorised, unauthorised));
        }
    }

    /** Splits absences over the 2024 national codes: illness and medical (I, M) authorised; O, G, N unauthorised. */
    private static String codes(int authorised, int unauthorised) {
        StringBuilder b = new StringBuilder();
        append(b, "I", authorised - authorised / 4);
        append(b, "M", authorised / 4);
        append(b, "O", unauthorised - unauthorised / 3);
        append(b, "G", unauthorised / 3 - unauthorised / 6);
        append(b, "N", unauthorised / 6);
        return b.toString();
    }

    private static void append(StringBuilder b, String code, int n) {
        if (n > 0) {
            b.append(b.length() == 0 ? "" : " ").append(code).append(':').append(n);
        }
    }

    private void exclusion(ExtractContext ctx, RowSink sink, LifeEvent e) {
        int child = e.subject();
        Address home = ctx.address(e.address());
        School school = School.serving(ctx, home, ctx.person(child).ageOn(e.day()) < 11 ? 0 : 1);
        Row row = sink.row(2, child);
        row.set(0, upn(ctx, child));
        row.set(1, school.urn());
        row.set(2, Cells.ISO_DATE.format(ctx.date(e.day())));
        row.set(3, e.code() == 1 ? "PERMANENT" : "SUSPENSION");
        row.set(4, Integer.toString(2 * (e.endDay() - e.day())));
        row.set(5, ctx.pick(EXCLUSION_REASONS));
    }

    /** The UPN allocated when the child started school, by the authority of their first school. */
    static String upn(ExtractContext ctx, int child) {
        Person p = ctx.person(child);
        int started = p.born() + 365 * 4 + 240;
        String authority = ctx.lineage().authorityOf(Math.max(0, ctx.lineage().addressOn(child, started)));
        String la = LA_CODES.getOrDefault(authority == null ? ctx.lineage().localAuthority() : authority, "330");
        return ctx.keys().upn(ctx.serial(child), la, Day.year(Day.academicYearStart(started)));
    }

    static String academicYear(int day) {
        int start = Day.year(Day.academicYearStart(day));
        return start + "/" + String.format(Locale.ROOT, "%02d", (start + 1) % 100);
    }
}
