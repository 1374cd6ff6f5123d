package org.threadline.synth.extracts;

import java.util.Locale;
import static org.threadline.synth.output.ColumnSpec.date;
import static org.threadline.synth.output.ColumnSpec.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.population.Adversity;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.EventKind;
import org.threadline.synth.population.LifeEvent;
import org.threadline.synth.population.Person;

/**
 * Children's social care in SSDA903/CIN-census shapes: a child header row per child per local authority (a child
 * who moves authority gets a new LA child ID), referrals with CIN codes, looked-after episodes and missing episodes.
 * UK dates, SEX 1/2 as the returns code it.
 */
public final class SocialCareExtract extends BaseExtract {
    static final String AGENCY = "social-care";
    static final int FROM = Day.of(2016, 4, 1);
    private static final String[] OUTCOMES = {"NFA", "CIN PLAN", "CP PLAN", "LOOKED AFTER"};
    private static final String[] ABUSE = {"NEG", "EMO", "PHY", "MUL"};
    private static final String[] PLACES = {"U1", "U4", "U3", "R1", "K2", "U6"};

    private static final List<TableSpec> TABLES = List.of(
            Cells.table("children", CsvDialect.rfc4180(), "Children", List.of(text("CHILD"), text("LA"),
                    text("SURNAME"), text("FORENAME"), date("DOB", "dd/MM/yyyy"), text("SEX"), text("ETHNIC"),
                    text("UPN"), text("ADDRESS"), text("POSTCODE"))),
            Cells.table("referrals", CsvDialect.rfc4180(), "Referrals", List.of(text("CHILD"), text("LA"),
                    date("REFERRAL_DATE", "dd/MM/yyyy"), text("REFERRAL_SOURCE"), text("PRIMARY_NEED"),
                    text("ASSESSMENT_FACTORS"), text("OUTCOME"), text("CATEGORY_OF_ABUSE"),
                    date("CLOSURE_DATE", "dd/MM/yyyy"))),
            Cells.table("episodes", CsvDialect.rfc4180(), "Episodes", List.of(text("CHILD"), text("LA"),
                    date("DECOM", "dd/MM/yyyy"), text("RNE"), text("LS"), text("CIN"), text("PLACE"),
                    date("DEC", "dd/MM/yyyy"), text("REC"), text("HOME_POST"), text("PL_POST"))),
            Cells.table("missing", CsvDialect.rfc4180(), "Missing", List.of(text("CHILD"), text("LA"),
                    text("MISSING"), date("MIS_START", "dd/MM/yyyy"), date("MIS_END", "dd/MM/yyyy"))));

    public SocialCareExtract() {
        super(AGENCY, "Children's social care: children (LA child IDs), referrals with assessment factors and outcomes, "
                + "looked-after episodes (SSDA903 codes) and missing episodes", TABLES);
    }

    @Override
    public void render(ExtractContext ctx, RowSink sink) {
        Set<String> registered = new HashSet<>();
        List<LifeEvent> placements = new ArrayList<>();
        for (LifeEvent e : ctx.lineage().events()) {
            if (e.day() < FROM && e.kind() != EventKind.CARE_PLACEMENT) {
                continue;
            }
            switch (e.kind()) {
                case SOCIAL_CARE_REFERRAL -> {
                    String la = child(ctx, sink, registered, e.subject(), e.day(), e.address());
                    referral(ctx, sink, e, la);
                }
                case CARE_PLACEMENT -> placements.add(e);
                case MISSING_EPISODE -> {
                    if (e.code() == 1) {
                        String la = child(ctx, sink, registered, e.subject(), e.day(), e.address());
                        Row row = sink.row(3, e.subject());
                        row.set(0, childId(ctx, e.subject(), la));
                        row.set(1, la);
                        row.set(2, ctx.noise().coin(0.7) ? "M" : "A");
                        row.set(3, Cells.UK_DATE.format(ctx.date(e.day())));
                        row.set(4, Cells.UK_DATE.format(ctx.date(e.endDay())));
                    }
                }
                default -> { }
            }
        }
        episodes(ctx, sink, registered, placements);
    }

    /** Registers the child with the authority responsible on the day (once) and returns the authority. */
    private String child(ExtractContext ctx, RowSink sink, Set<String> registered, int child, int day, long address) {
        String la = address >= 0 ? ctx.lineage().authorityOf(address) : ctx.lineage().localAuthority();
        if (registered.add(child + "@" + la)) {
            Person p = ctx.person(child);
            Row row = sink.row(0, child);
            row.set(0, childId(ctx, child, la));
            row.set(1, la);
            Cells.names(ctx, row, child, day, 3, -1, 2, true, Cells.Case.AS_GIVEN);
            Cells.dateOfBirth(ctx, row, 4, child, Cells.UK_DATE);
            row.set(5, Cells.sex(p, "2", "1"));
            row.set(6, p.heritage().dfeEthnicityCode());
            boolean atSchool = p.ageOn(day) >= 5;
            row.set(7, atSchool ? ctx.noise().identifier(row, 7, SchoolsExtract.upn(ctx, child),
                    org.threadline.domain.identifiers.Upn::isValid) : "UN1");
            Cells.address(ctx, row, 8, 9, child, day);
        }
        return la;
    }

    private static String childId(ExtractContext ctx, int child, String la) {
        int laIndex = org.threadline.synth.population.SimulationSettings.AUTHORITIES.indexOf(la);
        return la.substring(0, 3).toUpperCase(java.util.Locale.UK)
                + String.format(Locale.ROOT, "%08d", ctx.keys().personKey("la-child-" + laIndex, ctx.serial(child), 100_000_000L));
    }

    private void referral(ExtractContext ctx, RowSink sink, LifeEvent e, String la) {
        int child = e.subject();
        Row row = sink.row(1, child);
        row.set(0, childId(ctx, child, la));
        row.set(1, la);
        row.set(2, Cells.UK_DATE.format(ctx.date(e.day())));
        boolean neglect = e.value() >= 10;
        row.set(3, neglect ? (ctx.noise().coin(0.5) ? "2A" : "3B") : ctx.noise().coin(0.6) ? "6" : "2A");
        row.set(4, e.code() == 0 ? "" : neglect ? "N1" : e.code() >= 2 ? "N1" : "N2");
        row.set(5, factors(ctx, child, e.day(), neglect));
        row.set(6, OUTCOMES[e.code()]);
        row.set(7, e.code() >= 2 ? (neglect ? "NEG" : ctx.pick(ABUSE)) : "");
        row.set(8, e.endDay() < ctx.asOf() && e.code() < 3 ? Cells.UK_DATE.format(ctx.date(e.endDay())) : "");
    }

    /** CIN assessment factors from the household adversities a social worker would find. */
    private static String factors(ExtractContext ctx, int child, int day, boolean neglect) {
        List<String> f = new ArrayList<>();
        Person c = ctx.person(child);
        for (int parent : new int[] {c.mother(), c.father()}) {
            if (parent < 0) {
                continue;
            }
            Person p = ctx.person(parent);
            add(f, p.hadSpell(Adversity.DOMESTIC_ABUSE_VICTIM, day - 365, day + 1)
                    || p.hadSpell(Adversity.DOMESTIC_ABUSE_PERPETRATOR, day - 365, day + 1), "3B");
            add(f, p.hadSpell(Adversity.DRUG_MISUSE, day - 365, day + 1), "2B");
            add(f, p.hadSpell(Adversity.ALCOHOL_MISUSE, day - 365, day + 1), "1B");
            add(f, p.hadSpell(Adversity.MENTAL_ILL_HEALTH, day - 365, day + 1), "4B");
        }
        add(f, neglect, "16A");
        add(f, c.hadSpell(Adversity.EXPLOITED, day - 365, day + 1), "23A");
        add(f, c.hadSpell(Adversity.HOMELESSNESS, day - 365, day + 1), "24A");
        return f.isEmpty() ? "21" : String.join(",", f);
    }

    private static void add(List<String> factors, boolean present, String code) {
        if (present && !factors.contains(code)) {
            factors.add(code);
        }
    }

    /** One 903 episode per placement: the first starts the period of care (RNE S), later ones are changes (P). */
    private void episodes(ExtractContext ctx, RowSink sink, Set<String> registered, List<LifeEvent> placements) {
        for (int i = 0; i < placements.size(); i++) {
            LifeEvent e = placements.get(i);
            int child = e.subject();
            int end = Day.NONE;
            for (int j = i + 1; j < placements.size() && end == Day.NONE; j++) {
                if (placements.get(j).subject() == child) {
                    end = placements.get(j).day();
                }
            }
            Person p = ctx.person(child);
            int careEnds = careEnd(p, e.day());
            end = Math.min(end, careEnds);
            if (end != Day.NONE && end < FROM) {
                continue;
            }
            String la = child(ctx, sink, registered, child, Math.max(e.day(), FROM), e.address());
            Row row = sink.row(2, child);
            row.set(0, childId(ctx, child, la));
            row.set(1, la);
            row.set(2, Cells.UK_DATE.format(ctx.date(e.day())));
            row.set(3, e.code() == 0 ? "S" : "P");
            row.set(4, e.code() == 0 ? "V2" : "C2");
            row.set(5, "N1");
            row.set(6, ctx.pick(PLACES));
            boolean closed = end != Day.NONE && end < ctx.asOf();
            row.set(7, closed ? Cells.UK_DATE.format(ctx.date(end)) : "");
            row.set(8, !closed ? "" : end == careEnds ? (p.ageOn(end) >= 18 ? "E5" : "E4A") : "X1");
            var home = ctx.address(p.mother() >= 0 ? ctx.lineage().addressOn(p.mother(), e.day()) : -1);
            row.set(9, home == null ? "" : home.postcode());
            var placement = ctx.address(e.address());
            row.set(10, placement == null ? "" : placement.postcode());
        }
    }

    private static int careEnd(Person p, int day) {
        for (var s : p.spells()) {
            if (s.kind() == Adversity.LOOKED_AFTER && s.covers(day)) {
                return s.to();
            }
        }
        return Day.NONE;
    }
}
