package org.threadline.linkage.blocking;

import java.util.Arrays;
import java.util.List;
import org.threadline.linkage.data.Column;
import org.threadline.linkage.data.RecordTable;

/**
 * Produces the union of the candidate pairs of several blocking rules, each pair once.
 *
 * <p>Keys are 32-bit hashes of the transformed values, so two different keys can (rarely) share a hash: that only
 * adds a pair to compare, never loses one, and it is the same on every run.
 */
public final class Blocker {
    /** The key of a record that does not block under a rule (a key part is null). */
    public static final int NO_KEY = 0;

    private final long maxPairs;

    /** @param maxPairs refuse to produce more pairs than this (a single huge block would otherwise exhaust memory) */
    public Blocker(long maxPairs) {
        this.maxPairs = maxPairs;
    }

    /**
     * @param records   the records
     * @param rules     each rule's key parts; a rule's key is all its parts together
     * @param ruleNames names for messages
     * @param linkOnly  true to pair only records from different sources (linking two files)
     */
    public CandidatePairs pairs(RecordTable records, List<List<KeyPart>> rules, List<String> ruleNames,
                                boolean linkOnly) {
        if (rules.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most " + Byte.MAX_VALUE + " blocking rules");
        }
        int[][] keys = new int[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            keys[r] = keys(records, rules.get(r));
        }
        PairBuffer out = new PairBuffer(maxPairs);
        for (int r = 0; r < rules.size(); r++) {
            long[] sorted = sortByKey(keys[r]);
            int start = 0;
            while (start < sorted.length) {
                int key = (int) (sorted[start] >>> 32);
                int end = start + 1;
                while (end < sorted.length && (int) (sorted[end] >>> 32) == key) {
                    end++;
                }
                long block = end - start;
                if (block * (block - 1) / 2 > maxPairs) {
                    throw new IllegalStateException("blocking rule '" + ruleNames.get(r) + "' puts " + block
                            + " records in one block (e.g. a value shared by most records, or a column that is "
                            + "mostly blank); make the rule stricter");
                }
                emit(records, sorted, start, end, keys, r, linkOnly, out, ruleNames.get(r));
                start = end;
            }
        }
        return out.result(keys);
    }

    private static void emit(RecordTable records, long[] sorted, int start, int end, int[][] keys, int rule,
                             boolean linkOnly, PairBuffer out, String ruleName) {
        for (int i = start; i < end; i++) {
            int a = (int) sorted[i];
            for (int j = i + 1; j < end; j++) {
                int b = (int) sorted[j];
                if (linkOnly && records.source(a) == records.source(b)) {
                    continue;
                }
                if (foundEarlier(keys, rule, a, b)) {
                    continue;
                }
                boolean aFirst = linkOnly ? records.source(a) < records.source(b) : a < b;
                out.add(aFirst ? a : b, aFirst ? b : a, rule, ruleName);
            }
        }
    }

    private static boolean foundEarlier(int[][] keys, int rule, int a, int b) {
        for (int q = 0; q < rule; q++) {
            int k = keys[q][a];
            if (k != NO_KEY && k == keys[q][b]) {
                return true;
            }
        }
        return false;
    }

    /** Records with a key, sorted by (key, record index), packed as key in the high and index in the low 32 bits. */
    private static long[] sortByKey(int[] keys) {
        int n = 0;
        for (int k : keys) {
            n += k == NO_KEY ? 0 : 1;
        }
        long[] packed = new long[n];
        int p = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != NO_KEY) {
                packed[p++] = ((long) keys[i] << 32) | (i & 0xFFFFFFFFL);
            }
        }
        Arrays.sort(packed);
        return packed;
    }

    /**
     * Each record's key under one rule (0 = no key: a key part is null or blank). Public so that an index built on
     * these keys (incremental resolution) finds exactly the candidates batch blocking would.
     */
    public static int[] keys(RecordTable records, List<KeyPart> parts) {
        Column[] columns = new Column[parts.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = records.column(parts.get(i).column());
        }
        int[] keys = new int[records.size()];
        for (int row = 0; row < keys.length; row++) {
            long h = 0x9E3779B97F4A7C15L;
            boolean complete = true;
            for (int i = 0; i < columns.length && complete; i++) {
                String v = columns[i].value(row);
                String t = v == null ? null : parts.get(i).transform().apply(v);
                if (t == null || t.isBlank()) {
                    complete = false;
                } else {
                    h = mix(h ^ t.hashCode() ^ ((long) i << 40));
                }
            }
            int key = (int) (h ^ (h >>> 32));
            keys[row] = !complete ? NO_KEY : key == NO_KEY ? 1 : key;
        }
        return keys;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Growable pair arrays with a ceiling. */
    private static final class PairBuffer {
        private final long max;
        private int[] left = new int[1024];
        private int[] right = new int[1024];
        private byte[] rule = new byte[1024];
        private int size;

        PairBuffer(long max) {
            this.max = max;
        }

        void add(int a, int b, int r, String ruleName) {
            if (size >= max || size == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + size + " candidate pairs (rule '" + ruleName
                        + "'); make the blocking rules stricter");
            }
            if (size == left.length) {
                int grown = (int) Math.min((long) size * 2, Integer.MAX_VALUE - 8);
                left = Arrays.copyOf(left, grown);
                right = Arrays.copyOf(right, grown);
                rule = Arrays.copyOf(rule, grown);
            }
            left[size] = a;
            right[size] = b;
            rule[size] = (byte) r;
            size++;
        }

        CandidatePairs result(int[][] keys) {
            return new CandidatePairs(Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                    Arrays.copyOf(rule, size), size, keys);
        }
    }
}
