package org.threadline.synth.places;

import java.util.List;

/**
 * Names a district's streets from stems ("Oak") and types ("Road"). The k-th street of a district gets name number
 * {@code (A·k + offset) mod (stems × types)}: a bijection, so a district repeats no street name until it has more streets
 * than there are names. Each stem tries its types in its own weighted order, so "Road" and "Street" stay commonest.
 */
final class StreetNaming {

    private final String[] stems;
    private final String[][] typeOrderByStem;
    private final long names;
    private final long multiplier;

    StreetNaming(List<String> stems, List<String> types, double[] typeWeights) {
        this.stems = stems.toArray(String[]::new);
        this.names = (long) stems.size() * types.size();
        this.typeOrderByStem = new String[stems.size()][];
        for (int s = 0; s < stems.size(); s++) {
            typeOrderByStem[s] = weightedOrder(s, types, typeWeights);
        }
        // A multiplier coprime with the name count makes k -> A·k mod N a bijection; near N/phi it scatters neighbours.
        long a = Math.max(1, (long) (names * 0.6180339887));
        while (gcd(a, names) != 1) {
            a++;
        }
        this.multiplier = a;
    }

    /** Weighted sampling without replacement (Efraimidis–Spirakis keys), keyed by the stem so it never changes. */
    private static String[] weightedOrder(int stem, List<String> types, double[] weights) {
        Integer[] order = new Integer[types.size()];
        double[] key = new double[types.size()];
        for (int t = 0; t < order.length; t++) {
            order[t] = t;
            double u = Math.max(1e-12, Mixing.unit(Mixing.hash(stem * 64L + t, 0x57EE7L, 2)));
            key[t] = Math.pow(u, 1.0 / weights[t]);
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(key[y], key[x]));
        String[] ordered = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            ordered[i] = types.get(order[i]);
        }
        return ordered;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The name of the given street of a district, e.g. "Hawthorn Close". */
    String name(long ordinalInDistrict, int district, long seed) {
        long offset = Math.floorMod(Mixing.hash(district, seed, 3), names);
        long k = Math.floorMod(ordinalInDistrict, names);
        // multiplier and k are both below N (about 10^4), so the product cannot overflow.
        long index = (multiplier * k + offset) % names;
        int stem = (int) (index % stems.length);
        int variant = (int) (index / stems.length);
        return stems[stem] + " " + typeOrderByStem[stem][variant];
    }

    long capacity() {
        return names;
    }
}
