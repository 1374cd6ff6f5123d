package org.threadline.linkage.clustering;

import java.util.Arrays;

/**
 * Joins records into clusters without chaining strangers together (ADR 0022). Pairs at or above the join threshold
 * are taken strongest first; a join is refused when it would put into one cluster two records that must stay apart:
 * a pair the model scored below the fracture threshold, or a pair a reviewer said is not a link. A reviewer's "link"
 * is joined first and outranks the model's evidence against, but not a reviewer's "not link".
 *
 * <p>Plain connected components let one strong pair bridge two people (A~B and B~C joins A and C even when A and C
 * were scored as strangers); the fracture check then only flagged the cluster. Refusing the join instead keeps the
 * two people apart and sends the refused pair to review, which on messy data raises cluster precision more than it
 * costs recall.
 *
 * <p>Cost: the records that must stay apart are held as adjacency arrays (two ints per pair below fracture); a join
 * scans the apart-lists of the smaller cluster's members, so each record is scanned O(log n) times over the run.
 * Ties in weight are broken by the pair's records, so the result does not depend on pair order or direction.
 */
final class GuardedJoin {
    private final UnionFind sets;
    /** Circular member lists: next[i] is the next member of i's cluster. */
    private final int[] next;
    private final int[] size;
    /**
     * Every scored pair and every reviewer's "not link" of record i: apart[apartStart[i] .. apartStart[i+1]) are the
     * other records, with the pair's weight (negative infinity for a reviewer's "not link").
     */
    private final int[] apartStart;
    private final int[] apart;
    private final double[] apartWeight;
    /** Whether apart[k] came from a reviewer (true) or the model's score (false). */
    private final boolean[] byReviewer;
    private final double fracture;
    /** {@link ClusteringThresholds#averageBar}. */
    private final double averageBar;
    /**
     * Refusals already decided, keyed by the two roots, holding the two sizes at the time: while neither cluster has
     * changed the answer cannot change, so many pairs between the same two groups cost one scan, not one each.
     */
    private final java.util.HashMap<Long, Long> refused = new java.util.HashMap<>();

    private GuardedJoin(int recordCount, int[] apartLeft, int[] apartRight, double[] weight, boolean[] reviewer,
                        double join, double fracture) {
        this.averageBar = ClusteringThresholds.averageBar(join);
        this.fracture = fracture;
        sets = new UnionFind(recordCount);
        next = new int[recordCount];
        size = new int[recordCount];
        for (int i = 0; i < recordCount; i++) {
            next[i] = i;
            size[i] = 1;
        }
        apartStart = new int[recordCount + 1];
        for (int k = 0; k < apartLeft.length; k++) {
            apartStart[apartLeft[k] + 1]++;
            apartStart[apartRight[k] + 1]++;
        }
        for (int i = 0; i < recordCount; i++) {
            apartStart[i + 1] += apartStart[i];
        }
        apart = new int[apartStart[recordCount]];
        apartWeight = new double[apart.length];
        byReviewer = new boolean[apart.length];
        int[] fill = Arrays.copyOf(apartStart, recordCount);
        for (int k = 0; k < apartLeft.length; k++) {
            int a = apartLeft[k];
            int b = apartRight[k];
            byReviewer[fill[a]] = reviewer[k];
            apartWeight[fill[a]] = weight[k];
            apart[fill[a]++] = b;
            byReviewer[fill[b]] = reviewer[k];
            apartWeight[fill[b]] = weight[k];
            apart[fill[b]++] = a;
        }
    }

    /**
     * Clusters the records and returns the union-find and the pairs whose join was refused.
     *
     * @return the pairs at or above {@code join} left in different clusters because joining them would bring
     *         together records that must stay apart, as pair indices in ascending order
     */
    static Result join(int recordCount, int[] left, int[] right, double[] weights, double join, double fracture,
                       ClusterConstraints decisions) {
        int scored = 0;
        for (int p = 0; p < left.length; p++) {
            scored += left[p] != right[p] ? 1 : 0;
        }
        int humans = decisions.cannotLinkLeft().length;
        int[] al = new int[scored + humans];
        int[] ar = new int[scored + humans];
        double[] aw = new double[scored + humans];
        boolean[] reviewer = new boolean[scored + humans];
        int k = 0;
        for (int p = 0; p < left.length; p++) {
            if (left[p] != right[p]) {
                al[k] = left[p];
                ar[k] = right[p];
                aw[k++] = weights[p];
            }
        }
        for (int i = 0; i < humans; i++) {
            al[k] = check(decisions.cannotLinkLeft()[i], recordCount);
            ar[k] = check(decisions.cannotLinkRight()[i], recordCount);
            aw[k] = Double.NEGATIVE_INFINITY;
            reviewer[k++] = true;
        }
        GuardedJoin g = new GuardedJoin(recordCount, al, ar, aw, reviewer, join, fracture);
        // A reviewer's "link" outranks the model's evidence against it, but not a reviewer's "not link".
        for (int i = 0; i < decisions.mustLinkLeft().length; i++) {
            int a = check(decisions.mustLinkLeft()[i], recordCount);
            int b = check(decisions.mustLinkRight()[i], recordCount);
            g.tryUnion(a, b, true);
        }
        int[] order = strongestFirst(left, right, weights, join);
        int[] refused = new int[16];
        int refusedCount = 0;
        for (int p : order) {
            if (!g.tryUnion(left[p], right[p], false)) {
                if (refusedCount == refused.length) {
                    refused = Arrays.copyOf(refused, refusedCount * 2);
                }
                refused[refusedCount++] = p;
            }
        }
        int[] out = Arrays.copyOf(refused, refusedCount);
        Arrays.sort(out);
        return new Result(g.sets, out);
    }

    /** The union-find after joining, and the refused pairs' indices. */
    record Result(UnionFind sets, int[] refused) {
    }

    /**
     * Joins the clusters of a and b unless they must stay apart: a reviewer's "not link" between them, or (for the
     * model's joins) a scored pair between them below the fracture threshold, or scored pairs between them whose mean
     * weight is below {@link #averageBar} (two groups become one person only if the evidence between them, on
     * average, says "the same person"). Returns false only when a join was refused.
     */
    private boolean tryUnion(int a, int b, boolean reviewerLink) {
        int ra = sets.find(a);
        int rb = sets.find(b);
        if (ra == rb) {
            return true;
        }
        long key = ((long) Math.min(ra, rb) << 32) | Math.max(ra, rb);
        long sizes = ((long) size[Math.min(ra, rb)] << 32) | size[Math.max(ra, rb)];
        if (!reviewerLink) {
            Long before = refused.get(key);
            if (before != null && before == sizes) {
                return false;
            }
        }
        int small = size[ra] <= size[rb] ? ra : rb;
        int other = small == ra ? rb : ra;
        int m = small;
        double sum = 0;
        int between = 0;
        do {
            for (int k = apartStart[m]; k < apartStart[m + 1]; k++) {
                if ((byReviewer[k] || !reviewerLink) && sets.find(apart[k]) == other) {
                    if (byReviewer[k] || apartWeight[k] < fracture) {
                        if (!reviewerLink) {
                            refused.put(key, sizes);
                        }
                        return false;
                    }
                    sum += apartWeight[k];
                    between++;
                }
            }
            m = next[m];
        } while (m != small);
        if (!reviewerLink && between > 0 && sum / between < averageBar) {
            refused.put(key, sizes);
            return false;
        }
        sets.union(ra, rb);
        int root = sets.find(ra);
        // splice the two circular lists together
        int t = next[ra];
        next[ra] = next[rb];
        next[rb] = t;
        size[root] = size[ra] + size[rb];
        return true;
    }

    /**
     * Indices of the pairs at or above {@code join}, strongest first; equal weights ordered by the pair's smaller
     * then larger record, so that neither pair order nor direction changes the result.
     */
    private static int[] strongestFirst(int[] left, int[] right, double[] weights, double join) {
        int n = 0;
        for (int p = 0; p < left.length; p++) {
            n += weights[p] >= join && left[p] != right[p] ? 1 : 0;
        }
        // Sort primitive keys (descending weight as a float in the high half, pair index in the low half), then
        // order each run of equal keys by its records: millions of pairs sort without boxing.
        long[] keys = new long[n];
        int k = 0;
        for (int p = 0; p < left.length; p++) {
            if (weights[p] >= join && left[p] != right[p]) {
                int bits = Float.floatToIntBits((float) -weights[p]);
                int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
                keys[k++] = ((long) sortable << 32) | p;
            }
        }
        Arrays.sort(keys);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) keys[i];
        }
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && (int) (keys[end] >>> 32) == (int) (keys[start] >>> 32)) {
                end++;
            }
            if (end - start > 1) {
                Integer[] run = new Integer[end - start];
                for (int i = start; i < end; i++) {
                    run[i - start] = out[i];
                }
                Arrays.sort(run, (x, y) -> {
                    int c = Integer.compare(Math.min(left[x], right[x]), Math.min(left[y], right[y]));
                    return c != 0 ? c : Integer.compare(Math.max(left[x], right[x]), Math.max(left[y], right[y]));
                });
                for (int i = start; i < end; i++) {
                    out[i] = run[i - start];
                }
            }
            start = end;
        }
        return out;
    }

    private static int check(int record, int recordCount) {
        if (record < 0 || record >= recordCount) {
            throw new IllegalArgumentException("a decision names record " + record + ", outside 0.."
                    + (recordCount - 1));
        }
        return record;
    }
}
