package org.threadline.intake.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules across a definition's columns: no header twice, a record key, and enough to recognise a person. */
final class CrossColumnRules {
    private final Problems problems;

    CrossColumnRules(Problems problems) {
        this.problems = problems;
    }

    void check(List<IndexedColumn> columns, Optional<RecordType> recordType) {
        Map<String, IndexedColumn> bySource = new HashMap<>();
        Map<String, IndexedColumn> byField = new HashMap<>();
        for (IndexedColumn ic : columns) {
            ColumnMapping c = ic.column();
            IndexedColumn earlier = bySource.putIfAbsent(c.source(), ic);
            if (earlier != null) {
                problems.add(ic.path() + ".source", "column '" + c.source() + "' is already mapped at "
                        + earlier.path());
            }
            String once = c.field().onePerPerson() ? c.field().yamlName() + " of person '" + c.person() + "'"
                    : c.field().onePerRow() ? c.field().yamlName() : null;
            if (once != null) {
                IndexedColumn first = byField.putIfAbsent(once, ic);
                if (first != null) {
                    problems.add(ic.path() + ".field", once + " is already mapped at " + first.path()
                            + " (map this column to attribute, or give it another person)");
                }
            }
        }
        if (columns.stream().map(IndexedColumn::column)
                .noneMatch(c -> c.key() || c.field() == CanonicalField.RECORD_KEY)) {
            problems.add("columns", "no column is mapped to record_key (or marked key: true): every row needs a key");
        }
        if (recordType.orElse(null) == RecordType.PERSON && columns.stream().map(IndexedColumn::column)
                .filter(c -> c.person().equals(ColumnMapping.SUBJECT))
                .noneMatch(c -> c.field().isName() || c.field() == CanonicalField.DATE_OF_BIRTH)) {
            problems.add("columns", "a PERSON definition needs a name field (forename, forenames, surname, "
                    + "full_name …) or date_of_birth for its subject");
        }
    }
}
