package org.threadline.intake.load;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.threadline.intake.read.RawRow;
import org.threadline.intake.source.ColumnMapping;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.standardise.Outcome;

/**
 * One field of one stored row corrected (rectification, ADR 0028): the cell the field comes from is replaced and the
 * whole row is standardised again by the very rules intake used, so the corrected value is held in the form every
 * other value is, and a value intake would refuse is refused here too, naming the file, row and field.
 */
public final class RowCorrection {
    /**
     * The row after the correction.
     *
     * @param column  the source column whose cell changed
     * @param row     the row as it would have been received with the corrected cell
     * @param fields  its canonical fields, standardised again
     * @param changed the canonical fields whose value changed (a name cell can change more than one part)
     */
    public record Corrected(String column, RawRow row, Map<String, FieldValue> fields, List<String> changed) {
        public Corrected {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
            changed = List.copyOf(changed);
        }
    }

    /** A correction refused: the message names the file, the row and the field, as intake's reasons do. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    private RowCorrection() {
    }

    /**
     * Corrects {@code field} of {@code row} (read under {@code header}) to {@code value}.
     *
     * @param field    the canonical field as stored ({@code surname}, {@code mother.date_of_birth},
     *                 {@code attribute.DASH_RISK}) or the source column's name
     * @param before   the fields as stored now (to say what changed)
     * @param fileName the file's name, for messages
     * @param year     the year the row is read in (it expands short PNC ids, as at landing)
     */
    public static Corrected correct(SourceDefinition definition, List<String> header, RawRow row,
                                    Map<String, String> before, String field, String value, String fileName,
                                    Year year) {
        Objects.requireNonNull(value, "value");
        String where = fileName + " row " + row.row() + ", field " + field;
        if (!row.usable()) {
            throw new Refused(where + ": the row was quarantined as received (" + row.problem() + "): the agency's"
                    + " corrected extract replaces it");
        }
        ColumnMapping column = column(definition, field, where);
        int index = RowStandardiser.indexOf(header, column.source());
        if (index < 0) {
            throw new Refused(where + ": the file has no column " + column.source());
        }
        List<String> cells = new ArrayList<>(row.cells());
        while (cells.size() <= index) {
            cells.add("");
        }
        if (cells.get(index).equals(value)) {
            throw new Refused(where + ": the row already holds that value");
        }
        cells.set(index, value);
        RawRow corrected = new RawRow(row.sheet(), row.row(), cells, row.problem());
        LoadedRow loaded = new RowStandardiser(definition, header, RowStandardiser.Standardisers.forYear(year))
                .standardise(corrected);
        String key = RowStandardiser.key(column);
        FieldValue v = loaded.fields().get(key);
        if (v != null && (v.outcome() == Outcome.INVALID || v.outcome() == Outcome.MISSING)) {
            throw new Refused(where + ": " + v.outcome().name().toLowerCase(Locale.ROOT)
                    + (v.reason().isEmpty() ? "" : ": " + v.reason()) + " (column " + column.source() + ")");
        }
        if (loaded.quarantined()) {
            throw new Refused(where + ": the corrected row would be quarantined: " + loaded.reasons());
        }
        List<String> changed = new ArrayList<>();
        loaded.fields().forEach((k, now) -> {
            if (!now.value().equals(before.getOrDefault(k, ""))) {
                changed.add(k);
            }
        });
        if (changed.isEmpty()) {
            throw new Refused(where + ": the corrected value standardises to what is already held");
        }
        return new Corrected(column.source(), corrected, loaded.fields(), changed);
    }

    /** The column a field comes from: by the column's own name, else the one column stored under that field. */
    private static ColumnMapping column(SourceDefinition definition, String field, String where) {
        for (ColumnMapping c : definition.columns()) {
            if (c.source().equalsIgnoreCase(field)) {
                return c;
            }
        }
        List<ColumnMapping> under = definition.columns().stream().filter(c -> RowStandardiser.key(c).equals(field))
                .toList();
        if (under.size() == 1) {
            return under.get(0);
        }
        if (under.isEmpty()) {
            throw new Refused(where + ": " + definition.reference() + " has no such field (fields: "
                    + definition.columns().stream().map(RowStandardiser::key).distinct().toList() + ")");
        }
        throw new Refused(where + ": " + under.size() + " columns make it (" + under.stream()
                .map(ColumnMapping::source).toList() + "): name the column to correct");
    }
}
