package org.threadline.synth.extracts;

import java.util.Locale;
import static org.threadline.synth.output.ColumnSpec.date;
import static org.threadline.synth.output.ColumnSpec.text;

import java.util.ArrayList;
import java.util.List;
import org.threadline.domain.identifiers.NiNumber;
import org.threadline.domain.identifiers.PncId;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.population.Adversity;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.EventKind;
import org.threadline.synth.population.LifeEvent;
import org.threadline.synth.population.Offence;
import org.threadline.synth.population.Person;

/**
 * Probation (adults: case reference number, PNC ID, sentence, OASyS-style needs) and the youth justice service
 * (under-18s: referral orders and youth rehabilitation orders). UK dates.
 */
public final class JusticeExtract extends BaseExtract {
    static final String AGENCY = "justice";
    static final int FROM = Day.of(2014, 4, 1);
    private static final String[] SENTENCES = {"Custody", "Community Order", "Suspended Sentence Order",
        "Referral Order", "Youth Rehabilitation Order"};

    private static final List<TableSpec> TABLES = List.of(
            Cells.table("probation_cases", CsvDialect.rfc4180(), "Probation", List.of(text("CRN"), text("PNC_ID"),
                    text("Surname"), text("Forename"), date("DOB", "dd/MM/yyyy"), text("NI_Number"),
                    date("Sentence_Date", "dd/MM/yyyy"), text("Sentence_Type"), text("Offence"),
                    date("Sentence_End", "dd/MM/yyyy"), text("Address"), text("Postcode"), text("OASys_Needs"))),
            Cells.table("youth_justice", CsvDialect.rfc4180(), "Youth justice", List.of(text("YJ_Ref"),
                    text("Surname"), text("Forename"), date("DOB", "dd/MM/yyyy"), text("Gender"), text("PNC_ID"),
                    date("Outcome_Date", "dd/MM/yyyy"), text("Outcome"), text("Offence"), text("Address"),
                    text("Postcode"), text("Looked_After"))));

    public JusticeExtract() {
        super(AGENCY, "Justice: probation cases with OASys-style needs, and youth justice outcomes", TABLES);
    }

    @Override
    public void render(ExtractContext ctx, RowSink sink) {
        for (LifeEvent e : ctx.lineage().events()) {
            if (e.kind() != EventKind.SENTENCE || e.day() < FROM) {
                continue;
            }
            int sentence = e.code() / 100;
            Offence offence = Offence.values()[e.code() % 100];
            if (sentence >= 3) {
                youth(ctx, sink, e, sentence, offence);
            } else {
                adult(ctx, sink, e, sentence, offence);
            }
        }
    }

    private void adult(ExtractContext ctx, RowSink sink, LifeEvent e, int sentence, Offence offence) {
        int person = e.subject();
        Row row = sink.row(0, person);
        long key = ctx.keys().personKey("crn", ctx.serial(person), 26_000_000L);
        row.set(0, (char) ('A' + key / 1_000_000) + String.format(Locale.ROOT, "%06d", key % 1_000_000));
        row.set(1, pnc(ctx, row, 1, person));
        Cells.names(ctx, row, person, e.day(), 3, -1, 2, false, Cells.Case.AS_GIVEN);
        Cells.dateOfBirth(ctx, row, 4, person, Cells.UK_DATE);
        row.set(5, ctx.noise().identifier(row, 5, ctx.keys().niNumber(ctx.serial(person)), NiNumber::isValid));
        row.set(6, Cells.UK_DATE.format(ctx.date(e.day())));
        row.set(7, SENTENCES[sentence]);
        row.set(8, offence.description());
        row.set(9, e.endDay() < ctx.asOf() ? Cells.UK_DATE.format(ctx.date(e.endDay())) : "");
        Cells.address(ctx, row, 10, 11, person, Math.max(0, e.day() - 1));
        row.set(12, needs(ctx.person(person), e.day()));
    }

    private void youth(ExtractContext ctx, RowSink sink, LifeEvent e, int sentence, Offence offence) {
        int person = e.subject();
        Person p = ctx.person(person);
        Row row = sink.row(1, person);
        row.set(0, String.format(Locale.ROOT, "YJ%08d", ctx.keys().personKey("youth-justice", ctx.serial(person), 100_000_000L)));
        Cells.names(ctx, row, person, e.day(), 2, -1, 1, true, Cells.Case.AS_GIVEN);
        Cells.dateOfBirth(ctx, row, 3, person, Cells.UK_DATE);
        row.set(4, Cells.sex(p, "Female", "Male"));
        row.set(5, pnc(ctx, row, 5, person));
        row.set(6, Cells.UK_DATE.format(ctx.date(e.day())));
        row.set(7, SENTENCES[sentence]);
        row.set(8, offence.description());
        Cells.address(ctx, row, 9, 10, person, e.day());
        row.set(11, p.inSpell(Adversity.LOOKED_AFTER, e.day()) ? "Y" : "N");
    }

    private static String pnc(ExtractContext ctx, Row row, int column, int person) {
        int first = ctx.firstArrest(person);
        return first == Day.NONE ? "" : ctx.noise().identifier(row, column,
                ctx.keys().pncId(ctx.serial(person), Day.year(first)), PncId::isValid);
    }

    private static String needs(Person p, int day) {
        List<String> needs = new ArrayList<>();
        if (p.hadSpell(Adversity.HOMELESSNESS, day - 365, day + 1)) {
            needs.add("Accommodation");
        }
        if (p.inSpell(Adversity.DRUG_MISUSE, day)) {
            needs.add("Drug misuse");
        }
        if (p.inSpell(Adversity.ALCOHOL_MISUSE, day)) {
            needs.add("Alcohol misuse");
        }
        if (p.hadSpell(Adversity.DOMESTIC_ABUSE_PERPETRATOR, day - 365, day + 1)
                || p.hadSpell(Adversity.DOMESTIC_ABUSE_VICTIM, day - 365, day + 1)) {
            needs.add("Relationships");
        }
        if (p.inSpell(Adversity.MENTAL_ILL_HEALTH, day)) {
            needs.add("Emotional well-being");
        }
        return String.join("; ", needs);
    }
}
