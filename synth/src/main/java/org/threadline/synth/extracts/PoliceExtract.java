package org.threadline.synth.extracts;

import static org.threadline.synth.output.ColumnSpec.date;
import static org.threadline.synth.output.ColumnSpec.dateTime;
import static org.threadline.synth.output.ColumnSpec.text;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.EventKind;
import org.threadline.synth.population.Involvement;
import org.threadline.synth.population.LifeEvent;
import org.threadline.synth.population.Offence;
import org.threadline.synth.population.Person;
import org.threadline.synth.population.Role;

/**
 * West Midlands police: one row per person per occurrence (POLE roles), and custody records. Names in capitals,
 * UK dates, nominal ids that sometimes duplicate, PNC IDs for people with a record.
 */
public final class PoliceExtract extends BaseExtract {
    static final String AGENCY = "police";
    static final int FROM = Day.of(2016, 4, 1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);
    private static final String[] OUTCOMES = {"CHARGED", "CAUTIONED", "NFA", "RUI"};

    // incident_persons columns
    private static final int REF = 0, WHEN_COL = 1, CODE = 2, DESC = 3, DA = 4, DASH = 5, LOC = 6, NOMINAL = 7,
            ROLE = 8, SURNAME = 9, FORENAMES = 10, DOB = 11, SEX = 12, ADDRESS = 13, POSTCODE = 14, PNC = 15,
            PHONE = 16;
    // custody columns
    private static final int C_REF = 0, C_WHEN = 1, C_NOMINAL = 2, C_SURNAME = 3, C_FORENAMES = 4, C_DOB = 5,
            C_SEX = 6, C_PNC = 7, C_CODE = 8, C_OUTCOME = 9, C_ADDRESS = 10, C_POSTCODE = 11;

    private static final List<TableSpec> TABLES = List.of(
            Cells.table("incident_persons", CsvDialect.rfc4180(), "Occurrences", List.of(
                    text("OCCURRENCE_REF"), dateTime("OCCURRENCE_DATE_TIME", "dd/MM/yyyy HH:mm"),
                    text("HO_OFFENCE_CODE"), text("OFFENCE_DESCRIPTION"), text("DOMESTIC_ABUSE_FLAG"),
                    text("DASH_RISK"), text("OCCURRENCE_POSTCODE"), text("NOMINAL_ID"), text("INVOLVEMENT"),
                    text("SURNAME"), text("FORENAMES"), date("DATE_OF_BIRTH", "dd/MM/yyyy"), text("SEX"),
                    text("HOME_ADDRESS"), text("HOME_POSTCODE"), text("PNC_ID"), text("PHONE")),
                    "West Midlands Police - occurrence nominals extract"),
            Cells.table("custody", CsvDialect.rfc4180(), "Custody", List.of(
                    text("CUSTODY_REF"), dateTime("ARREST_DATE_TIME", "dd/MM/yyyy HH:mm"), text("NOMINAL_ID"),
                    text("SURNAME"), text("FORENAMES"), date("DATE_OF_BIRTH", "dd/MM/yyyy"), text("SEX"),
                    text("PNC_ID"), text("HO_OFFENCE_CODE"), text("OUTCOME"), text("ADDRESS"), text("POSTCODE"))));

    public PoliceExtract() {
        super(AGENCY, "Police: people involved in occurrences (victim, witness, suspect, child present, missing person) "
                + "with domestic abuse flags and DASH risk, and custody records", TABLES);
    }

    @Override
    public void render(ExtractContext ctx, RowSink sink) {
        eventsFrom(ctx, FROM, (e, k) -> {
            switch (e.kind()) {
                case DOMESTIC_ABUSE_INCIDENT, CRIME, MISSING_EPISODE, ASSAULTED, EXPLOITATION_CONCERN ->
                        occurrence(ctx, sink, e, k);
                case ARREST -> custody(ctx, sink, e, k);
                default -> { }
            }
        });
    }

    private void occurrence(ExtractContext ctx, RowSink sink, LifeEvent e, int k) {
        String ref = String.format(Locale.ROOT, "20/%011d/%02d", ctx.eventKey("occurrence", k), Day.year(e.day()) % 100);
        String time = WHEN.format(ctx.date(e.day()).atTime(ctx.random().nextInt(24), ctx.random().nextInt(60)));
        String code;
        String description;
        switch (e.kind()) {
            case MISSING_EPISODE -> {
                code = "";
                description = "MISSING PERSON";
            }
            case EXPLOITATION_CONCERN -> {
                code = "";
                description = e.code() == 1 ? "CONCERN - CHILD SEXUAL EXPLOITATION" : "CONCERN - CRIMINAL EXPLOITATION";
            }
            case ASSAULTED -> {
                code = Offence.ASSAULT_WITH_INJURY.homeOfficeCode();
                description = Offence.ASSAULT_WITH_INJURY.description().toUpperCase(Locale.UK);
            }
            default -> {
                Offence o = Offence.values()[e.code()];
                code = o.homeOfficeCode();
                description = o.description().toUpperCase(Locale.UK);
            }
        }
        boolean domestic = e.kind() == EventKind.DOMESTIC_ABUSE_INCIDENT;
        String dash = !domestic ? "" : e.value() >= 14 ? "HIGH" : e.value() >= 10 ? "MEDIUM" : "STANDARD";
        var location = ctx.address(e.address());
        for (Involvement v : e.people()) {
            Row row = sink.row(0, v.person());
            row.set(REF, ref);
            row.set(WHEN_COL, time);
            row.set(CODE, code);
            row.set(DESC, description);
            row.set(DA, domestic ? "Y" : "N");
            row.set(DASH, dash);
            row.set(LOC, location == null ? "" : location.postcode());
            row.set(ROLE, involvement(ctx, v, e));
            person(ctx, row, v.person(), e.day(), NOMINAL, SURNAME, FORENAMES, DOB, SEX, ADDRESS, POSTCODE, PNC);
            row.set(PHONE, ctx.noise().coin(0.6) ? Phones.forHousehold(ctx, v.person(), e.day()) : "");
        }
    }

    private static String involvement(ExtractContext ctx, Involvement v, LifeEvent e) {
        if (v.role() == Role.CHILD_IN_HOUSEHOLD && ctx.person(v.person()).ageOn(e.day()) >= 10
                && ctx.noise().coin(0.3)) {
            return "WITNESS";
        }
        return switch (v.role()) {
            case CHILD_IN_HOUSEHOLD -> "CHILD PRESENT";
            case MISSING_PERSON -> "MISSING PERSON";
            case SUBJECT -> "PERSON AT RISK";
            default -> v.role().name();
        };
    }

    private void custody(ExtractContext ctx, RowSink sink, LifeEvent e, int k) {
        int person = e.subject();
        Row row = sink.row(1, person);
        row.set(C_REF, String.format(Locale.ROOT, "CU%011d", ctx.eventKey("custody", k)));
        row.set(C_WHEN, WHEN.format(ctx.date(e.day()).atTime(ctx.random().nextInt(24), ctx.random().nextInt(60))));
        row.set(C_CODE, Offence.values()[e.code() % 100].homeOfficeCode());
        row.set(C_OUTCOME, OUTCOMES[e.code() / 100]);
        person(ctx, row, person, e.day(), C_NOMINAL, C_SURNAME, C_FORENAMES, C_DOB, C_SEX, C_ADDRESS, C_POSTCODE,
                C_PNC);
    }

    private static void person(ExtractContext ctx, Row row, int person, int day, int nominal, int surname,
                               int forenames, int dob, int sex, int address, int postcode, int pnc) {
        Person p = ctx.person(person);
        ctx.registeredKey(row, nominal, AGENCY, person, registration -> String.format(Locale.ROOT, "N%09d",
                ctx.keys().personKey("nominal", ctx.serial(person) * 2 + registration, 1_000_000_000L)));
        Cells.names(ctx, row, person, day, forenames, -1, surname, true, Cells.Case.UPPER);
        Cells.dateOfBirth(ctx, row, dob, person, Cells.UK_DATE);
        row.set(sex, Cells.sex(p, "F", "M"));
        Cells.address(ctx, row, address, postcode, person, day);
        int firstArrest = ctx.firstArrest(person);
        row.set(pnc, firstArrest != Day.NONE && firstArrest <= day
                ? ctx.noise().identifier(row, pnc, ctx.keys().pncId(ctx.serial(person), Day.year(firstArrest)),
                        org.threadline.domain.identifiers.PncId::isValid)
                : "");
    }
}
