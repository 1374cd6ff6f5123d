package org.threadline.synth.extracts;

import static org.threadline.synth.output.ColumnSpec.date;
import static org.threadline.synth.output.ColumnSpec.integer;
import static org.threadline.synth.output.ColumnSpec.text;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.EventKind;
import org.threadline.synth.population.LifeEvent;
import org.threadline.synth.population.Person;

/**
 * The adult substance misuse service: treatment episodes with the substance, the referral source and the parental
 * status field that tells whether children live with the client. Dates without leading zeros (d/M/yyyy).
 */
public final class SubstanceMisuseExtract extends BaseExtract {
    static final String AGENCY = "substance-misuse";
    static final int FROM = Day.of(2016, 4, 1);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy", Locale.UK);
    private static final String[] DRUGS = {"Opiates", "Crack cocaine", "Cannabis", "Cocaine"};
    private static final String[] SOURCES = {"Self", "GP", "Criminal justice", "Hospital", "Social services"};

    private static final List<TableSpec> TABLES = List.of(
            Cells.datesAsText(Cells.table("treatment_episodes", CsvDialect.rfc4180(), "Episodes", List.of(text("Client Ref"),
                    text("Forename"), text("Surname"), date("DOB", "d/M/yyyy"), text("Sex"), text("Postcode"),
                    date("Referral Date", "d/M/yyyy"), text("Substance"), text("Referral Source"),
                    integer("Children Living With Client"), date("Discharge Date", "d/M/yyyy"),
                    text("Discharge Reason")))));

    public SubstanceMisuseExtract() {
        super(AGENCY, "Adult substance misuse service: treatment episodes with substance and parental status", TABLES);
    }

    @Override
    public void render(ExtractContext ctx, RowSink sink) {
        for (LifeEvent e : ctx.lineage().events()) {
            if (e.kind() != EventKind.SUBSTANCE_TREATMENT || e.day() < FROM) {
                continue;
            }
            int client = e.subject();
            Person p = ctx.person(client);
            Row row = sink.row(0, client);
            ctx.registeredKey(row, 0, AGENCY, client, registration -> String.format(Locale.ROOT, "SMS%08d",
                    ctx.keys().personKey("substance-client", ctx.serial(client) * 2 + registration, 100_000_000L)));
            Cells.names(ctx, row, client, e.day(), 1, -1, 2, true, Cells.Case.AS_GIVEN);
            Cells.dateOfBirth(ctx, row, 3, client, DATE);
            row.set(4, Cells.sex(p, "F", "M"));
            Cells.address(ctx, row, -1, 5, client, e.day());
            row.set(6, DATE.format(ctx.date(e.day())));
            row.set(7, e.code() == 1 ? "Alcohol" : DRUGS[(int) (ctx.keys().hash("drug", ctx.serial(client)) % DRUGS.length)]);
            row.set(8, ctx.pick(SOURCES));
            row.set(9, Integer.toString((int) e.value()));
            boolean closed = e.endDay() < ctx.asOf();
            row.set(10, closed ? DATE.format(ctx.date(e.endDay())) : "");
            row.set(11, closed ? (ctx.noise().coin(0.5) ? "Treatment completed" : "Dropped out") : "");
        }
    }
}
