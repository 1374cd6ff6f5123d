package org.threadline.synth.extracts;

import java.util.Locale;
import static org.threadline.synth.output.ColumnSpec.date;
import static org.threadline.synth.output.ColumnSpec.text;

import java.util.List;
import org.threadline.domain.identifiers.NhsNumber;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.population.Adversity;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.EdReason;
import org.threadline.synth.population.EventKind;
import org.threadline.synth.population.LifeEvent;
import org.threadline.synth.population.Person;

/**
 * Health: emergency department attendances in an ECDS-like shape with the ISTV (Cardiff Model) assault fields, and
 * health-visitor contacts. NHS numbers, names in capitals, ISO dates, gender 1/2, and the pseudo-postcode
 * ZZ99 3VZ for people of no fixed abode.
 *
 * <p>Only the self-harm injury-intent SNOMED CT code (276853009) is CONFIRMED in shared/domain; other clinical
 * values are written as the trust's local descriptive codes rather than invented SNOMED codes.
 */
public final class HealthExtract extends BaseExtract {
    static final String AGENCY = "health";
    static final int FROM = Day.of(2021, 4, 1);
    private static final String[] COMPLAINT = {"ILLNESS", "INJURY", "ASSAULT", "ASSAULT", "SELF HARM",
        "INTOXICATION - ALCOHOL", "INTOXICATION - DRUGS"};
    private static final String[] WEAPONS = {"BODY PART (FIST/FEET)", "BODY PART (FIST/FEET)", "KNIFE/BLADE",
        "BOTTLE/GLASS", "BLUNT OBJECT"};
    private static final String[] PLACES = {"STREET", "LICENSED PREMISES", "HOME", "PUBLIC TRANSPORT", "PARK"};
    private static final String[] CONTACTS = {"ANTENATAL", "NEW BIRTH VISIT", "6-8 WEEK REVIEW", "1 YEAR REVIEW",
        "2-2.5 YEAR REVIEW"};

    private static final List<TableSpec> TABLES = List.of(
            Cells.table("ed_attendances", CsvDialect.rfc4180(), "ECDS", List.of(text("EC_Ident"),
                    text("NHS_Number"), text("Patient_Surname"), text("Patient_Forename"),
                    date("Date_Of_Birth", "yyyy-MM-dd"), text("Stated_Gender"), text("Postcode"),
                    date("Arrival_Date", "yyyy-MM-dd"), text("Arrival_Time"), text("Chief_Complaint_Local"),
                    text("EC_Injury_Intent_SNOMED_CT"), text("Alcohol_Drug_Involvement_Local"),
                    date("Assault_Date", "yyyy-MM-dd"), text("Assault_Time"), text("Assault_Weapon"),
                    text("Assault_Location_Type"), text("Assault_Location_Description"),
                    text("Assailant_Relationship"))),
            Cells.table("health_visiting", CsvDialect.rfc4180(), "Health visiting", List.of(text("Contact_ID"),
                    text("Child_NHS_Number"), text("Child_Surname"), text("Child_Forename"),
                    date("Child_DOB", "yyyy-MM-dd"), text("Mother_NHS_Number"), text("Mother_Surname"),
                    text("Mother_Forename"), date("Contact_Date", "yyyy-MM-dd"), text("Contact_Type"),
                    text("Postcode"), text("Concerns"))));

    public HealthExtract() {
        super(AGENCY, "Health: emergency department attendances (ECDS-like, with ISTV assault fields) and health visitor "
                + "contacts", TABLES);
    }

    @Override
    public void render(ExtractContext ctx, RowSink sink) {
        eventsFrom(ctx, FROM, (e, k) -> {
            if (e.kind() == EventKind.ED_ATTENDANCE) {
                attendance(ctx, sink, e, k);
            } else if (e.kind() == EventKind.HEALTH_VISITOR_CONTACT) {
                visit(ctx, sink, e, k);
            }
        });
    }

    private void attendance(ExtractContext ctx, RowSink sink, LifeEvent e, int k) {
        int patient = e.subject();
        Person p = ctx.person(patient);
        EdReason reason = EdReason.values()[e.code()];
        Row row = sink.row(0, patient);
        row.set(0, String.format(Locale.ROOT, "RXK%011d", ctx.eventKey("ed-attendance", k)));
        row.set(1, nhs(ctx, row, 1, patient));
        Cells.names(ctx, row, patient, e.day(), 3, -1, 2, true, Cells.Case.UPPER);
        Cells.dateOfBirth(ctx, row, 4, patient, Cells.ISO_DATE);
        row.set(5, Cells.sex(p, "2", "1"));
        if (p.inSpell(Adversity.HOMELESSNESS, e.day())) {
            row.set(6, "ZZ99 3VZ");
        } else {
            Cells.address(ctx, row, -1, 6, patient, e.day());
        }
        String date = Cells.ISO_DATE.format(ctx.date(e.day()));
        int hour = ctx.random().nextInt(24);
        row.set(7, date);
        row.set(8, String.format(Locale.ROOT, "%02d:%02d:00", hour, ctx.random().nextInt(60)));
        row.set(9, COMPLAINT[reason.ordinal()]);
        row.set(10, reason == EdReason.SELF_HARM ? "276853009" : "");
        row.set(11, reason == EdReason.ALCOHOL ? "ALCOHOL" : reason == EdReason.DRUGS ? "DRUGS" : "");
        boolean assault = reason == EdReason.ASSAULT || reason == EdReason.DOMESTIC_ASSAULT;
        if (assault) {
            row.set(12, date);
            row.set(13, String.format(Locale.ROOT, "%02d:%02d", Math.max(0, hour - 1), 30));
            row.set(14, ctx.pick(WEAPONS));
            String place = reason == EdReason.DOMESTIC_ASSAULT ? "HOME"
                    : ctx.pick(PLACES);
            row.set(15, place);
            var near = ctx.address(e.address());
            row.set(16, place.equals("HOME") ? "at home" : near == null ? "" : "near " + near.locality());
            row.set(17, reason == EdReason.DOMESTIC_ASSAULT ? "PARTNER/EX-PARTNER"
                    : ctx.noise().coin(0.6) ? "STRANGER" : "ACQUAINTANCE");
        }
    }

    private void visit(ExtractContext ctx, RowSink sink, LifeEvent e, int k) {
        int child = e.subject();
        int mother = e.people().get(1).person();
        Row row = sink.row(1, child);
        row.set(0, String.format(Locale.ROOT, "HV%011d", ctx.eventKey("health-visit", k)));
        boolean born = e.day() >= ctx.person(child).born();
        if (born) {
            row.set(1, nhs(ctx, row, 1, child));
            Cells.names(ctx, row, child, e.day(), 3, -1, 2, false, Cells.Case.UPPER);
            Cells.dateOfBirth(ctx, row, 4, child, Cells.ISO_DATE);
        } else {
            row.set(2, "UNBORN");
        }
        row.set(5, nhs(ctx, row, 5, mother));
        row.set(6, ctx.noise().name(row, 6, ctx.person(mother).surnameOn(e.day()).toUpperCase(java.util.Locale.UK)));
        row.set(7, ctx.noise().forename(row, 7, ctx.person(mother).birthName().forename(), true)
                .toUpperCase(java.util.Locale.UK));
        row.set(8, Cells.ISO_DATE.format(ctx.date(e.day())));
        row.set(9, CONTACTS[e.code()]);
        Cells.address(ctx, row, -1, 10, mother, e.day());
        int concerns = (int) e.value();
        StringBuilder c = new StringBuilder();
        if ((concerns & 1) != 0) {
            c.append("MATERNAL MENTAL HEALTH;");
        }
        if ((concerns & 2) != 0) {
            c.append("DOMESTIC ABUSE ROUTINE ENQUIRY POSITIVE;");
        }
        if ((concerns & 4) != 0) {
            c.append("PARENTAL SUBSTANCE USE;");
        }
        row.set(11, c.length() == 0 ? "" : c.substring(0, c.length() - 1));
    }

    private static String nhs(ExtractContext ctx, Row row, int column, int person) {
        return ctx.noise().identifier(row, column, ctx.keys().nhsNumber(ctx.serial(person)), NhsNumber::isValid);
    }
}
