package org.threadline.linkage.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Union-find joining that honours human decisions. Strongest evidence first, so when a "not link" forces a choice,
 * the weaker join is the one given up. Only records named in a cannot-link decision are tracked, per set, so the
 * check costs nothing for the great majority of joins.
 */
final class ConstrainedJoin {
    private final UnionFind sets;
    /** For each record named in a cannot-link decision, the records it must never share a cluster with. */
    private final Map<Integer, List<Integer>> forbidden = new HashMap<>();
    /** For each set root, its members that are named in cannot-link decisions. */
    private final Map<Integer, List<Integer>> constrainedMembers = new HashMap<>();
    private final ClusterConstraints constraints;

    ConstrainedJoin(UnionFind sets, ClusterConstraints constraints, int recordCount) {
        this.sets = sets;
        this.constraints = constraints;
        for (int i = 0; i < constraints.cannotLinkLeft().length; i++) {
            int a = check(constraints.cannotLinkLeft()[i], recordCount);
            int b = check(constraints.cannotLinkRight()[i], recordCount);
            forbidden.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
            forbidden.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
        }
        for (int r : forbidden.keySet()) {
            constrainedMembers.computeIfAbsent(r, k -> new ArrayList<>()).add(r);
        }
        for (int i = 0; i < constraints.mustLinkLeft().length; i++) {
            check(constraints.mustLinkLeft()[i], recordCount);
            check(constraints.mustLinkRight()[i], recordCount);
        }
    }

    void join(int[] left, int[] right, double[] weights, double join) {
        // A human "link" outranks the model, but not a human "not link": if two decisions conflict, the pair that
        // was said never to be together stays apart and the conflict shows as a broken cluster for review.
        for (int i = 0; i < constraints.mustLinkLeft().length; i++) {
            tryUnion(constraints.mustLinkLeft()[i], constraints.mustLinkRight()[i]);
        }
        Integer[] order = new Integer[left.length];
        int n = 0;
        for (int p = 0; p < left.length; p++) {
            if (weights[p] >= join) {
                order[n++] = p;
            }
        }
        Integer[] above = Arrays.copyOf(order, n);
        Arrays.sort(above, (x, y) -> {
            int c = Double.compare(weights[y], weights[x]);
            return c != 0 ? c : Integer.compare(x, y);
        });
        for (int p : above) {
            tryUnion(left[p], right[p]);
        }
    }

    private void tryUnion(int a, int b) {
        int ra = sets.find(a);
        int rb = sets.find(b);
        if (ra == rb || violates(ra, rb)) {
            return;
        }
        List<Integer> ma = constrainedMembers.remove(ra);
        List<Integer> mb = constrainedMembers.remove(rb);
        sets.union(ra, rb);
        int root = sets.find(ra);
        if (ma != null || mb != null) {
            List<Integer> merged = new ArrayList<>();
            if (ma != null) {
                merged.addAll(ma);
            }
            if (mb != null) {
                merged.addAll(mb);
            }
            constrainedMembers.put(root, merged);
        }
    }

    private boolean violates(int ra, int rb) {
        List<Integer> ma = constrainedMembers.get(ra);
        if (ma == null || !constrainedMembers.containsKey(rb)) {
            return false;
        }
        for (int m : ma) {
            for (int other : forbidden.get(m)) {
                if (sets.find(other) == rb) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int check(int record, int recordCount) {
        if (record < 0 || record >= recordCount) {
            throw new IllegalArgumentException("a decision names record " + record + ", outside 0.."
                    + (recordCount - 1));
        }
        return record;
    }
}
