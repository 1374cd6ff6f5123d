package org.threadline.domain.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates the {@code formal,familiar,sex} CSV. Every line is checked before anything fails, so one run
 * reports every problem in the file (house style: validate everything, then report).
 */
final class FamiliarFormsTable {

    static final String HEADER = "formal,familiar,sex";
    // Letters from any script, plus the apostrophes, hyphens and spaces names really contain.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}]+(?:['\u2019 -][\\p{L}\\p{M}]+)*");

    private FamiliarFormsTable() {
    }

    static List<FamiliarForm> read(String source, BufferedReader reader) {
        List<String> problems = new ArrayList<>();
        List<FamiliarForm> rows = new ArrayList<>();
        Map<String, Integer> firstLineOfRow = new HashMap<>();
        Map<String, NameSex> sexOfFormal = new HashMap<>();
        try {
            String header = reader.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equals(HEADER)) {
                problems.add("line 1: expected the header '" + HEADER + "', found '" + header + "'");
            }
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                FamiliarForm row = parse(line, lineNumber, problems);
                if (row == null) {
                    continue;
                }
                String key = FamiliarForms.key(row.formal()) + "," + FamiliarForms.key(row.familiar());
                Integer earlier = firstLineOfRow.putIfAbsent(key, lineNumber);
                if (earlier != null) {
                    problems.add("line " + lineNumber + ": duplicate of line " + earlier);
                    continue;
                }
                NameSex known = sexOfFormal.putIfAbsent(FamiliarForms.key(row.formal()), row.sex());
                if (known != null && known != row.sex()) {
                    problems.add("line " + lineNumber + ": " + row.formal() + " is " + row.sex()
                            + " here but " + known + " on an earlier line");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (!problems.isEmpty()) {
            throw new FamiliarFormsException(source, problems);
        }
        return List.copyOf(rows);
    }

    private static FamiliarForm parse(String line, int lineNumber, List<String> problems) {
        String at = "line " + lineNumber + ": ";
        if (line.isBlank()) {
            problems.add(at + "blank line");
            return null;
        }
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            problems.add(at + "expected 3 fields (formal,familiar,sex), found " + fields.length);
            return null;
        }
        int before = problems.size();
        String formal = field(fields[0], "formal", at, problems);
        String familiar = field(fields[1], "familiar", at, problems);
        NameSex sex = null;
        try {
            sex = NameSex.valueOf(fields[2]);
        } catch (IllegalArgumentException e) {
            problems.add(at + "sex must be M, F or U, found '" + fields[2] + "'");
        }
        if (problems.size() == before && FamiliarForms.key(formal).equals(FamiliarForms.key(familiar))) {
            problems.add(at + "the familiar form is the formal name itself");
        }
        return problems.size() == before ? new FamiliarForm(formal, familiar, sex) : null;
    }

    private static String field(String value, String column, String at, List<String> problems) {
        if (value.isBlank()) {
            problems.add(at + column + " is blank");
        } else if (!value.equals(value.strip())) {
            problems.add(at + column + " '" + value + "' has spaces around it");
        } else if (!NAME.matcher(value).matches()) {
            problems.add(at + column + " '" + value + "' is not a name");
        }
        return value;
    }
}
