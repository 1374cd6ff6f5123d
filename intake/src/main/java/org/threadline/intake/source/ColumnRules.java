package org.threadline.intake.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.threadline.intake.standardise.CodeStandardiser;
import org.threadline.intake.standardise.DateStandardiser;
import org.threadline.intake.standardise.Outcome;
import org.threadline.intake.standardise.StandardisedDate;
import org.threadline.intake.standardise.StandardisedValue;

/** What one column's options must satisfy given its field. Each rule reports at the option's own path. */
final class ColumnRules {
    private static final Set<String> SEX_VOCABULARY = Set.of("M", "F", "U");
    private static final CodeStandardiser CODES = new CodeStandardiser();
    /**
     * A day whose day, month and time differ, so a format that drops or swaps a part cannot read it back; zoned, so
     * that formats with an offset (FHIR instants: {@code yyyy-MM-dd'T'HH:mm:ssXXX}) can write it too.
     */
    private static final java.time.ZonedDateTime PROBE = LocalDateTime.of(2019, 4, 23, 13, 45)
            .atZone(java.time.ZoneId.of("Europe/London"));

    private final Problems problems;

    ColumnRules(Problems problems) {
        this.problems = problems;
    }

    void check(ColumnMapping c, JsonNode node, String path) {
        CanonicalField field = c.field();
        if (field.isDate() && c.dates().isEmpty()) {
            problems.add(path + ".dates", field.yamlName() + " needs its date formats in priority order");
        }
        if (!c.dates().isEmpty() && !field.acceptsDates()) {
            problems.add(path + ".dates", "only date fields and attributes take dates, not " + field.yamlName());
        }
        checkDateFormats(c, path + ".dates");
        if (node.has("codes") && !field.acceptsCodes()) {
            problems.add(path + ".codes", "codes apply only to coded fields (sex, ethnicity, event_type, role, "
                    + "attribute), not " + field.yamlName());
        }
        checkCodeTargets(c, path + ".codes");
        if (c.freeText() && field != CanonicalField.ATTRIBUTE) {
            problems.add(path + ".free_text", "only attribute columns are free text; " + field.yamlName()
                    + " has its own standardiser");
        }
        if (c.freeText() && !c.codes().isEmpty()) {
            problems.add(path + ".free_text", "a free-text column cannot also be coded");
        }
        if (field == CanonicalField.ETHNICITY && !c.specialCategory()) {
            problems.add(path + ".special_category",
                    "ethnicity is special-category data (UK GDPR Art 9): say special_category: true");
        }
        if (node.has("person") && !field.describesPerson()) {
            problems.add(path + ".person", field.yamlName() + " does not describe a person");
        }
    }

    private void checkDateFormats(ColumnMapping c, String path) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.dates().size(); i++) {
            String format = c.dates().get(i);
            if (!seen.add(format)) {
                problems.add(path + "[" + i + "]", "format '" + format + "' is listed twice");
            } else {
                checkDateFormat(format, path + "[" + i + "]");
            }
        }
    }

    /** Builds the format as the standardiser will, then checks it reads back a date it wrote. */
    private void checkDateFormat(String format, String path) {
        DateStandardiser standardiser;
        try {
            standardiser = DateStandardiser.of(format);
        } catch (IllegalArgumentException e) {
            problems.add(path, "not a date format the date standardiser can use: '" + format + "' (" + e.getMessage()
                    + ")");
            return;
        }
        if (format.equals("excel-serial")) {
            return;
        }
        String written;
        try {
            written = DateTimeFormatter.ofPattern(format, Locale.UK).format(PROBE);
        } catch (RuntimeException e) {
            problems.add(path, "format '" + format + "' cannot write a date (" + e.getMessage() + ")");
            return;
        }
        StandardisedDate read = standardiser.standardise(written);
        if (read.outcome() != Outcome.OK || !LocalDate.from(PROBE).equals(read.date())) {
            problems.add(path, "format '" + format + "' does not read back a whole date (day, month and four-digit "
                    + "year): '" + written + "' gave " + read.outcome() + " " + read.reason());
        }
    }

    private static boolean dfeCode(String code) {
        StandardisedValue read = CODES.ethnicity(code);
        return read.outcome() != Outcome.INVALID && read.value().equals(code);
    }

    private void checkCodeTargets(ColumnMapping c, String path) {
        for (Map.Entry<String, String> code : c.codes().entrySet()) {
            String target = code.getValue();
            String at = path + "." + code.getKey();
            if (c.field() == CanonicalField.SEX && !SEX_VOCABULARY.contains(target)) {
                problems.add(at, "sex codes map to M, F or U (not known), not '" + target + "'");
            }
            if (c.field() == CanonicalField.ETHNICITY && !dfeCode(target)) {
                problems.add(at, "ethnicity codes map to DfE codes (WBRI, APKN …), not '" + target + "'");
            }
        }
    }
}
