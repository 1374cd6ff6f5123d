package org.threadline.synth.extracts;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.threadline.synth.names.PersonName;
import org.threadline.synth.names.Sex;
import org.threadline.synth.output.ColumnSpec;
import org.threadline.synth.output.CsvDialect;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.output.XlsxOptions;
import org.threadline.synth.places.Address;
import org.threadline.synth.population.Person;

/** Cell-filling steps every agency shares, each honouring the agency's conventions and the noise. */
final class Cells {
    static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Cells() {
    }

    /** How an agency writes names. */
    enum Case {
        AS_GIVEN, UPPER
    }

    static String cased(String s, Case c) {
        return s == null ? null : c == Case.UPPER ? s.toUpperCase(Locale.UK) : s;
    }

    /**
     * Fills forename and surname cells (and middle names if {@code middle >= 0}) for a person as known on a day,
     * with the noise an agency's recording adds, then maybe swaps forename and surname.
     */
    static void names(ExtractContext ctx, Row row, int person, int day, int forename, int middle, int surname,
                      boolean familiarAllowed, Case c) {
        Person p = ctx.person(person);
        PersonName name = p.birthName();
        row.set(forename, cased(ctx.noise().forename(row, forename, name.forename(), familiarAllowed), c));
        if (middle >= 0) {
            row.set(middle, cased(String.join(" ", name.middleNames()), c));
        }
        row.set(surname, cased(ctx.noise().name(row, surname, p.surnameOn(day)), c));
        ctx.noise().maybeSwapNames(row, forename, surname);
    }

    static void dateOfBirth(ExtractContext ctx, Row row, int column, int person, DateTimeFormatter format) {
        row.set(column, ctx.noise().dateOfBirth(row, column, ctx.date(ctx.person(person).born()), format));
    }

    static String sex(Person p, String female, String male) {
        return p.sex() == Sex.FEMALE ? female : male;
    }

    /** Fills an address line and postcode cell, with stale addresses and postcode slips; returns the address used. */
    static Address address(ExtractContext ctx, Row row, int line, int postcode, int person, int day) {
        Address a = ctx.recordedAddress(row, line >= 0 ? line : postcode, person, day);
        if (a == null) {
            if (line >= 0) {
                row.set(line, "");
            }
            row.set(postcode, "");
            return null;
        }
        if (line >= 0) {
            row.set(line, a.singleLine());
        }
        row.set(postcode, ctx.noise().postcode(row, postcode, a.postcode()));
        return a;
    }

    static TableSpec table(String name, CsvDialect csv, String sheet, List<ColumnSpec> columns, String... titles) {
        return new TableSpec(name, columns, csv, XlsxOptions.sheet(sheet).withTitleLines(titles));
    }

    /** The same table with its dates typed into the XLSX as text, as some systems export them. */
    static TableSpec datesAsText(TableSpec spec) {
        return new TableSpec(spec.name(), spec.columns(), spec.csv(), spec.xlsx().withExcelDates(false));
    }
}
