package org.threadline.linkage.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.threadline.linkage.comparison.ArrayOverlap;
import org.threadline.linkage.comparison.DamerauLevenshtein;
import org.threadline.linkage.comparison.Dates;
import org.threadline.linkage.comparison.IdentifierAgreement;
import org.threadline.linkage.comparison.Identifiers;
import org.threadline.linkage.comparison.JaroWinkler;
import org.threadline.linkage.comparison.Names;
import org.threadline.linkage.comparison.Phonetic;
import org.threadline.linkage.comparison.Postcodes;
import org.threadline.linkage.data.Column;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.model.Comparison;
import org.threadline.linkage.model.ComparisonLevel;
import org.threadline.linkage.model.LevelKind;

/**
 * Turns a model's comparisons into {@link CompiledComparison}s over a record table. Work that depends on one value
 * only (a date parsed, a phonetic code, an identifier's validity, an array split) is done once per distinct value,
 * not once per pair.
 */
final class ModelCompiler {
    private final RecordTable records;
    private final Lookups lookups;

    ModelCompiler(RecordTable records, Lookups lookups) {
        this.records = records;
        this.lookups = lookups;
    }

    List<CompiledComparison> compile(List<Comparison> comparisons) {
        List<CompiledComparison> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            out.add(compile(c));
        }
        return out;
    }

    private CompiledComparison compile(Comparison comparison) {
        List<Column> columns = new ArrayList<>();
        for (String name : comparison.columns()) {
            columns.add(records.column(name));
        }
        List<ComparisonLevel> levels = comparison.levels();
        LevelTest[] tests = new LevelTest[levels.size()];
        int tfLevel = -1;
        for (int l = 0; l < tests.length; l++) {
            ComparisonLevel level = levels.get(l);
            tests[l] = test(comparison, level, columns);
            boolean exactType = level.kind() == LevelKind.EXACT || level.kind() == LevelKind.DATE_EXACT
                    || level.kind() == LevelKind.POSTCODE_FULL;
            if (tfLevel < 0 && exactType && comparison.termFrequencyAdjustments()) {
                tfLevel = l;
            }
        }
        return new CompiledComparison(comparison.name(), tests, tfLevel,
                tfLevel >= 0 && columns.size() == 1 ? columns.get(0) : null);
    }

    private LevelTest test(Comparison comparison, ComparisonLevel level, List<Column> columns) {
        if (level.kind() == LevelKind.NULL) {
            return (a, b) -> {
                for (Column c : columns) {
                    if (c.isNull(a) || c.isNull(b)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (level.kind() == LevelKind.ELSE) {
            return (a, b) -> true;
        }
        if (level.kind() == LevelKind.NAME_SWAP) {
            Column first = columns.get(0);
            Column second = columns.get(1);
            return (a, b) -> Names.swapped(first.value(a), second.value(a), first.value(b), second.value(b));
        }
        if (level.kind() == LevelKind.IN_OTHER_COLUMN) {
            Column own = columns.get(0);
            Column other = records.column(level.text(ComparisonLevel.COLUMN));
            double threshold = level.decimal(ComparisonLevel.THRESHOLD);
            return (a, b) -> Names.inOtherColumn(own.value(a), other.value(a), own.value(b), other.value(b), threshold);
        }
        LevelTest[] perColumn = new LevelTest[columns.size()];
        for (int i = 0; i < perColumn.length; i++) {
            perColumn[i] = single(comparison, level, columns.get(i));
        }
        if (perColumn.length == 1) {
            return perColumn[0];
        }
        return (a, b) -> {
            for (LevelTest t : perColumn) {
                if (!t.test(a, b)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** A level's test on one column; callers have already excluded nulls through the null level. */
    private LevelTest single(Comparison comparison, ComparisonLevel level, Column c) {
        switch (level.kind()) {
            case EXACT:
                return (a, b) -> c.code(a) == c.code(b) && c.code(a) != Column.NULL;
            case JARO_WINKLER: {
                double threshold = level.decimal(ComparisonLevel.THRESHOLD);
                return (a, b) -> !c.isNull(a) && !c.isNull(b)
                        && JaroWinkler.similarity(c.value(a), c.value(b)) >= threshold;
            }
            case DAMERAU_LEVENSHTEIN: {
                int max = (int) level.whole(ComparisonLevel.MAX_DISTANCE);
                return (a, b) -> !c.isNull(a) && !c.isNull(b) && DamerauLevenshtein.within(c.value(a), c.value(b), max);
            }
            case DOUBLE_METAPHONE: {
                String[] primary = perValue(c, Phonetic::doubleMetaphone, String[]::new);
                String[] alternate = perValue(c, Phonetic::alternate, String[]::new);
                return (a, b) -> {
                    int x = c.code(a);
                    int y = c.code(b);
                    return x != Column.NULL && y != Column.NULL
                            && Phonetic.codesMatch(primary[x], alternate[x], primary[y], alternate[y]);
                };
            }
            case FAMILIAR_NAME: {
                String table = level.text(ComparisonLevel.ALIAS_TABLE);
                Function<String, Set<String>> aliases = lookups.aliasTables().get(table);
                if (aliases == null) {
                    throw new IllegalArgumentException("comparison '" + comparison.name() + "' level '"
                            + level.label() + "' names alias table '" + table + "', which was not supplied (known: "
                            + lookups.aliasTables().keySet() + ")");
                }
                return (a, b) -> !c.isNull(a) && !c.isNull(b) && Names.equivalentForms(c.value(a), c.value(b), aliases);
            }
            case DATE_EXACT, DATE_DAY_MONTH_TRANSPOSED, DATE_WITHIN_DAYS, DATE_SAME_YEAR:
                return date(level, c);
            case POSTCODE_FULL:
                return (a, b) -> Postcodes.sameFull(c.value(a), c.value(b));
            case POSTCODE_SECTOR:
                return (a, b) -> Postcodes.sameSector(c.value(a), c.value(b));
            case POSTCODE_DISTRICT:
                return (a, b) -> Postcodes.sameDistrict(c.value(a), c.value(b));
            case POSTCODE_AREA:
                return (a, b) -> Postcodes.sameArea(c.value(a), c.value(b));
            case IDENTIFIER_BOTH_VALID_EQUAL, IDENTIFIER_BOTH_VALID_DIFFERENT:
                return identifier(comparison, level, c);
            case ARRAY_OVERLAP: {
                int min = (int) level.whole(ComparisonLevel.MIN);
                String[][] arrays = perValue(c, v -> v.split("\\|"), String[][]::new);
                return (a, b) -> c.code(a) != Column.NULL && c.code(b) != Column.NULL
                        && ArrayOverlap.overlaps(arrays[c.code(a)], arrays[c.code(b)], min);
            }
            default:
                throw new IllegalArgumentException("level kind " + level.kind() + " cannot test one column");
        }
    }

    private static LevelTest date(ComparisonLevel level, Column c) {
        int[] days = new int[c.distinct()];
        for (int code = 0; code < days.length; code++) {
            days[code] = Dates.parse(c.valueOfCode(code));
        }
        LevelKind kind = level.kind();
        int within = kind == LevelKind.DATE_WITHIN_DAYS ? (int) level.whole(ComparisonLevel.DAYS) : 0;
        return (a, b) -> {
            int x = c.code(a);
            int y = c.code(b);
            if (x == Column.NULL || y == Column.NULL) {
                return false;
            }
            return switch (kind) {
                case DATE_EXACT -> Dates.exact(days[x], days[y]);
                case DATE_DAY_MONTH_TRANSPOSED -> Dates.dayMonthTransposed(days[x], days[y]);
                case DATE_WITHIN_DAYS -> Dates.withinDays(days[x], days[y], within);
                default -> Dates.sameYear(days[x], days[y]);
            };
        };
    }

    private LevelTest identifier(Comparison comparison, ComparisonLevel level, Column c) {
        Predicate<String> valid = lookups.validators().get(level.validator());
        if (valid == null) {
            throw new IllegalArgumentException("comparison '" + comparison.name() + "' level '" + level.label()
                    + "' needs the " + level.validator() + " check, which was not supplied");
        }
        boolean[] ok = new boolean[c.distinct()];
        for (int code = 0; code < ok.length; code++) {
            ok[code] = valid.test(c.valueOfCode(code));
        }
        IdentifierAgreement wanted = level.kind() == LevelKind.IDENTIFIER_BOTH_VALID_EQUAL
                ? IdentifierAgreement.BOTH_VALID_EQUAL : IdentifierAgreement.BOTH_VALID_DIFFERENT;
        return (a, b) -> {
            int x = c.code(a);
            int y = c.code(b);
            if (x == Column.NULL || y == Column.NULL || !ok[x] || !ok[y]) {
                return false;
            }
            return (x == y ? IdentifierAgreement.BOTH_VALID_EQUAL : IdentifierAgreement.BOTH_VALID_DIFFERENT)
                    == wanted;
        };
    }

    private static <T> T[] perValue(Column c, Function<String, T> f, java.util.function.IntFunction<T[]> array) {
        T[] out = array.apply(c.distinct());
        for (int code = 0; code < out.length; code++) {
            out[code] = f.apply(c.valueOfCode(code));
        }
        return out;
    }
}
