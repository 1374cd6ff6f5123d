package org.threadline.synth.extracts;

import static org.threadline.synth.output.ColumnSpec.date;
import static org.threadline.synth.output.ColumnSpec.integer;
import static org.threadline.synth.output.ColumnSpec.text;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.threadline.domain.identifiers.NiNumber;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.LineEnding;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.EventKind;
import org.threadline.synth.population.HomelessReason;
import org.threadline.synth.population.Involvement;
import org.threadline.synth.population.LifeEvent;
import org.threadline.synth.population.Person;
import org.threadline.synth.population.Role;

/**
 * Housing: homelessness applications in an H-CLIC-like shape (a main row per case and a people row per household
 * member). Exported from a spreadsheet-minded system: semicolon-separated, Windows-1252, CRLF, dates like 03-Mar-2021.
 */
public final class HousingExtract extends BaseExtract {
    static final String AGENCY = "housing";
    static final int FROM = Day.of(2018, 4, 1);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.UK);
    private static final CsvDialect DIALECT = CsvDialect.rfc4180().withDelimiter(';')
            .withCharset(CsvDialect.WINDOWS_1252).withLineEnding(LineEnding.CRLF);

    private static final List<TableSpec> TABLES = List.of(
            Cells.datesAsText(Cells.table("applications", DIALECT, "Main", List.of(text("Case Ref"), date("Application Date",
                    "dd-MMM-yyyy"), text("Local Authority"), text("Reason for loss of settled home"),
                    text("Support needs"), text("Duty owed"), integer("Household size")))),
            Cells.datesAsText(Cells.table("people", DIALECT, "People", List.of(text("Case Ref"), integer("Person No"),
                    text("Relationship to applicant"), text("First name"), text("Last name"),
                    date("Date of birth", "dd-MMM-yyyy"), text("Sex"), text("NI number"),
                    text("Last settled address"), text("Postcode"), text("UPRN")))));

    public HousingExtract() {
        super(AGENCY, "Housing: homelessness applications (H-CLIC-like main and people sections) with support needs", TABLES);
    }

    @Override
    public void render(ExtractContext ctx, RowSink sink) {
        eventsFrom(ctx, FROM, (e, k) -> {
            if (e.kind() == EventKind.HOMELESSNESS_APPLICATION) {
                application(ctx, sink, e, k);
            }
        });
    }

    private void application(ExtractContext ctx, RowSink sink, LifeEvent e, int k) {
        String ref = String.format(Locale.ROOT, "HL/%d/%011d", Day.year(e.day()), ctx.eventKey("housing-case", k));
        int applicant = e.subject();
        HomelessReason reason = HomelessReason.values()[e.code()];
        Row main = sink.row(0, applicant);
        main.set(0, ref);
        main.set(1, DATE.format(ctx.date(e.day())));
        String la = e.address() >= 0 ? ctx.lineage().authorityOf(e.address()) : ctx.lineage().localAuthority();
        main.set(2, la);
        main.set(3, reason.name().replace('_', ' ').toLowerCase(Locale.UK));
        main.set(4, SupportNeeds.of(ctx.person(applicant), e.day()));
        main.set(5, reason == HomelessReason.DOMESTIC_ABUSE ? "Relief" : ctx.noise().coin(0.5) ? "Prevention" : "Main");
        main.set(6, Integer.toString(e.people().size()));
        int n = 1;
        for (Involvement v : e.people()) {
            Person p = ctx.person(v.person());
            Row row = sink.row(1, v.person());
            row.set(0, ref);
            row.set(1, Integer.toString(n++));
            row.set(2, relationship(ctx, applicant, v));
            Cells.names(ctx, row, v.person(), e.day(), 3, -1, 4, true, Cells.Case.AS_GIVEN);
            Cells.dateOfBirth(ctx, row, 5, v.person(), DATE);
            row.set(6, Cells.sex(p, "Female", "Male"));
            row.set(7, p.ageOn(e.day()) >= 16 ? ctx.noise().identifier(row, 7, ctx.keys().niNumber(ctx.serial(v.person())),
                    NiNumber::isValid) : "");
            // Councils hold the UPRN of the address they record (stale or not), from their gazetteer.
            var settled = Cells.address(ctx, row, 8, 9, v.person(), Math.max(0, e.day() - 1));
            row.set(10, settled == null || ctx.noise().coin(0.15) ? "" : Long.toString(settled.uprn()));
        }
    }

    private static String relationship(ExtractContext ctx, int applicant, Involvement v) {
        if (v.role() == Role.APPLICANT) {
            return "Applicant";
        }
        Person p = ctx.person(v.person());
        if (p.mother() == applicant || p.father() == applicant) {
            return "Child";
        }
        return ctx.person(applicant).mother() == v.person() || ctx.person(applicant).father() == v.person()
                ? "Parent" : p.ageOn(ctx.asOf()) < 18 ? "Other child" : "Partner";
    }
}
