package org.threadline.linkage.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One dictionary-encoded column. Code -1 is null (absent or blank); other codes index {@link #dictionary()}.
 */
public final class Column {
    public static final int NULL = -1;

    private final String name;
    private final int[] codes;
    private final String[] dictionary;
    private final int[] counts;
    private final int present;
    private final Map<String, Integer> index;

    private Column(String name, int[] codes, String[] dictionary, int[] counts, int present,
                   Map<String, Integer> index) {
        this.name = name;
        this.codes = codes;
        this.dictionary = dictionary;
        this.counts = counts;
        this.present = present;
        this.index = index;
    }

    /** Encodes values (null or blank → null code); values are kept as given, not trimmed. */
    public static Column of(String name, List<String> values) {
        Map<String, Integer> index = new HashMap<>();
        int[] codes = new int[values.size()];
        int present = 0;
        for (int i = 0; i < codes.length; i++) {
            String v = values.get(i);
            if (v == null || v.isBlank()) {
                codes[i] = NULL;
            } else {
                codes[i] = index.computeIfAbsent(v, k -> index.size());
                present++;
            }
        }
        String[] dictionary = new String[index.size()];
        index.forEach((v, c) -> dictionary[c] = v);
        int[] counts = new int[dictionary.length];
        for (int c : codes) {
            if (c != NULL) {
                counts[c]++;
            }
        }
        return new Column(name, codes, dictionary, counts, present, index);
    }

    public String name() {
        return name;
    }

    public int size() {
        return codes.length;
    }

    public int code(int row) {
        return codes[row];
    }

    /** The value of a row, or null. */
    public String value(int row) {
        int c = codes[row];
        return c == NULL ? null : dictionary[c];
    }

    public boolean isNull(int row) {
        return codes[row] == NULL;
    }

    /** Distinct values, indexed by code. */
    public String[] dictionary() {
        return dictionary.clone();
    }

    public String valueOfCode(int code) {
        return dictionary[code];
    }

    public int distinct() {
        return dictionary.length;
    }

    /** How many rows hold a value (not null). */
    public int present() {
        return present;
    }

    /** The share of non-null rows holding {@code value} (0 when no row holds it). */
    public double frequencyOf(String value) {
        Integer code = value == null ? null : index.get(value);
        return code == null ? 0 : frequency(code);
    }

    /**
     * The share of non-null rows holding this code's value: the term frequency used to adjust an exact match on a
     * common value (SMITH) down and on a rare one up.
     */
    public double frequency(int code) {
        return present == 0 ? 0 : (double) counts[code] / present;
    }
}
