package org.threadline.intake.load;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.threadline.domain.names.FamiliarForms;
import org.threadline.intake.read.RawRow;
import org.threadline.intake.source.CanonicalField;
import org.threadline.intake.source.ColumnMapping;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.standardise.AddressStandardiser;
import org.threadline.intake.standardise.CodeStandardiser;
import org.threadline.intake.standardise.ContactStandardiser;
import org.threadline.intake.standardise.IdentifierStandardiser;
import org.threadline.intake.standardise.NameStandardiser;
import org.threadline.intake.standardise.Outcome;
import org.threadline.intake.standardise.StandardisedDate;
import org.threadline.intake.standardise.StandardisedName;
import org.threadline.intake.standardise.StandardisedPostcode;
import org.threadline.intake.standardise.StandardisedValue;

/**
 * Turns one raw row into its canonical fields, per a definition and the file's header, and decides whether it is
 * quarantined: a row the reader flagged, or a {@code required} column whose field came out MISSING, or INVALID
 * for anything but an identifier (an invalid identifier is kept as given, marked invalid).
 * Name parts and address lines of one person are standardised together; other columns one by one.
 */
final class RowStandardiser {
    /** The standardisers a load uses; the name standardiser's familiar-form table is read once. */
    record Standardisers(NameStandardiser names, CodeStandardiser codes, IdentifierStandardiser identifiers,
                         AddressStandardiser addresses, ContactStandardiser contacts) {
        static Standardisers forYear(Year year) {
            return new Standardisers(new NameStandardiser(FamiliarForms.load()), new CodeStandardiser(),
                    new IdentifierStandardiser(year), new AddressStandardiser(), new ContactStandardiser());
        }
    }

    private record Column(ColumnMapping mapping, int index, String key) {
    }

    private final SourceDefinition definition;
    private final Standardisers s;
    private final List<Column> columns = new ArrayList<>();

    RowStandardiser(SourceDefinition definition, List<String> header, Standardisers standardisers) {
        this.definition = definition;
        this.s = standardisers;
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> absentRequired = new ArrayList<>();
        for (ColumnMapping c : definition.columns()) {
            int index = indexOf(header, c.source());
            if (index < 0 && c.required()) {
                absentRequired.add(c.source());
            }
            String key = key(c);
            if (!grouped(c.field())) {
                int n = seen.merge(key, 1, Integer::sum);
                key = n == 1 ? key : key + "#" + n;
            }
            columns.add(new Column(c, index, key));
        }
        if (!absentRequired.isEmpty()) {
            throw new LoadException("the file lacks the required column(s) " + absentRequired + " of "
                    + definition.reference() + "; its header is " + header);
        }
    }

    LoadedRow standardise(RawRow row) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        if (!row.usable()) {
            reasons.put("row", row.problem());
            return new LoadedRow(row, fields, reasons);
        }
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Column c : columns) {
            String raw = cell(row, c.index);
            CanonicalField f = c.mapping.field();
            String person = prefix(c.mapping);
            if (f.isName()) {
                names.computeIfAbsent(person, p -> new ArrayList<>(List.of("", "", "", ""))).set(namePart(f),
                        raw);
            } else if (f == CanonicalField.ADDRESS_LINE) {
                lines.computeIfAbsent(person, p -> new ArrayList<>()).add(raw);
            } else {
                fields.put(c.key, single(c.mapping, raw));
            }
        }
        names.forEach((person, parts) -> putName(fields, person, parts));
        lines.forEach((person, parts) -> fields.put(person + "address_line",
                value(s.addresses.line(String.join(", ", parts.stream().filter(p -> !p.isBlank()).toList())))));
        for (Column c : columns) {
            if (c.mapping.required()) {
                FieldValue v = fields.get(c.key);
                // An invalid identifier is kept as given and marked invalid, not quarantined: it still tells an
                // analyst something (issue #3). Any other required field that is invalid cannot be used.
                boolean identifier = c.mapping.field().isIdentifier();
                if (v == null || v.outcome() == Outcome.MISSING
                        || v.outcome() == Outcome.INVALID && !identifier) {
                    String why = v == null ? "missing" : v.outcome().name().toLowerCase(java.util.Locale.ROOT)
                            + (v.reason().isEmpty() ? "" : ": " + v.reason());
                    reasons.put(c.key, "required column " + c.mapping.source() + " is " + why);
                }
            }
        }
        return new LoadedRow(row, fields, reasons);
    }

    String definitionId() {
        return definition.id();
    }

    private FieldValue single(ColumnMapping c, String given) {
        if (c.dateStandardiser().isPresent()) {
            StandardisedDate d = c.dateStandardiser().get().standardise(given);
            // A date-time keeps its time of day (ISO local date-time); a date of birth or event date is a day.
            boolean keepsTime = c.field() == CanonicalField.EVENT_DATETIME || c.field() == CanonicalField.ATTRIBUTE;
            String value = d.date() == null ? "" : keepsTime ? d.iso() : d.date().toString();
            return FieldValue.of(given, value, d.outcome(), d.reason());
        }
        String raw = c.decode(given);
        return switch (c.field()) {
            case SEX -> value(s.codes.sex(raw));
            case ETHNICITY -> value(s.codes.ethnicity(raw));
            case NHS_NUMBER -> value(s.identifiers.nhsNumber(raw));
            case UPN -> value(s.identifiers.upn(raw));
            case PNC_ID -> value(s.identifiers.pncId(raw));
            case NI_NUMBER -> value(s.identifiers.niNumber(raw));
            case POSTCODE -> {
                StandardisedPostcode p = s.addresses.postcode(raw);
                yield FieldValue.of(raw, p.postcode(), p.outcome(), p.reason());
            }
            case UPRN -> value(s.addresses.uprn(raw));
            case PHONE -> value(s.contacts.phone(raw));
            case EMAIL -> value(s.contacts.email(raw));
            default -> FieldValue.plain(raw);
        };
    }

    private void putName(Map<String, FieldValue> fields, String person, List<String> parts) {
        // parts: forename(s), middle names, surname, full name
        StandardisedName n = !parts.get(3).isBlank() && parts.get(0).isBlank() && parts.get(2).isBlank()
                ? s.names.fromFullName(parts.get(3))
                : s.names.fromParts((parts.get(0) + " " + parts.get(1)).strip(), parts.get(2));
        fields.put(person + "forename", FieldValue.of(n.raw(), n.forename(), n.outcome(), n.reason()));
        fields.put(person + "middle_names",
                FieldValue.of(n.raw(), String.join(" ", n.middleNames()), n.outcome(), n.reason()));
        fields.put(person + "surname", FieldValue.of(n.raw(), n.surname(), n.outcome(), n.reason()));
    }

    private static FieldValue value(StandardisedValue v) {
        return FieldValue.of(v.raw(), v.value(), v.outcome(), v.reason());
    }

    private static int namePart(CanonicalField f) {
        return switch (f) {
            case FORENAME, FORENAMES -> 0;
            case MIDDLE_NAMES -> 1;
            case SURNAME -> 2;
            default -> 3;
        };
    }

    private static boolean grouped(CanonicalField f) {
        return f.isName() || f == CanonicalField.ADDRESS_LINE;
    }

    /** The field name a column's value is stored under; name parts report on their standardised part. */
    static String key(ColumnMapping c) {
        CanonicalField f = c.field();
        if (f == CanonicalField.ATTRIBUTE) {
            return "attribute." + c.source();
        }
        String name = switch (f) {
            case FORENAME, FORENAMES -> "forename";
            case FULL_NAME -> "surname";
            default -> f.yamlName();
        };
        return prefix(c) + name;
    }

    private static String prefix(ColumnMapping c) {
        return ColumnMapping.SUBJECT.equals(c.person()) ? "" : c.person() + ".";
    }

    /** Where a column is in a header: as written, else ignoring case and surrounding spaces; -1 when absent. */
    static int indexOf(List<String> header, String source) {
        int i = header.indexOf(source);
        if (i >= 0) {
            return i;
        }
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).strip().equalsIgnoreCase(source.strip())) {
                return j;
            }
        }
        return -1;
    }

    private static String cell(RawRow row, int index) {
        return index < 0 || index >= row.cells().size() ? "" : row.cells().get(index);
    }
}
