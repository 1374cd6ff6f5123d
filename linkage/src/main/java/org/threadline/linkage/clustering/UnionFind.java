package org.threadline.linkage.clustering;

/** Disjoint sets over {@code 0..n-1}: union by rank, path halving. Two arrays, no objects per record. */
final class UnionFind {

    private final int[] parent;
    private final byte[] rank;

    UnionFind(int n) {
        parent = new int[n];
        rank = new byte[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (rank[ra] < rank[rb]) {
            parent[ra] = rb;
        } else if (rank[ra] > rank[rb]) {
            parent[rb] = ra;
        } else {
            parent[rb] = ra;
            rank[ra]++;
        }
    }

    /** Label of each element: the smallest element of its set. */
    int[] smallestMemberLabels() {
        int n = parent.length;
        int[] smallest = new int[n];
        java.util.Arrays.fill(smallest, -1);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int r = find(i);
            if (smallest[r] < 0) {
                smallest[r] = i; // i rises, so the first member met is the smallest
            }
            labels[i] = smallest[r];
        }
        return labels;
    }
}
