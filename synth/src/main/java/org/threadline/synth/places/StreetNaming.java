package org.threadline.synth.places;

import java.util.Arrays;
import java.util.List;

/**
 * Names a district's streets from stems ("Oak") and types ("Road"). The k-th street of a district takes stem
 * {@code (A·k + offset) mod stems} (a bijection on each run of {@code stems} streets) with the stem's
 * {@code (k / stems)}-th type, so a district repeats no street name until it has more streets than stems × types. Each stem
 * tries its types in its own weighted order, so "Road", "Street" and "Close" stay the commonest.
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
        // A multiplier coprime with the stem count makes k -> A·k mod S a bijection; near S/phi it scatters neighbours.
        long a = Math.max(1, (long) (stems.size() * 0.6180339887));
        while (gcd(a, stems.size()) != 1) {
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
        Arrays.sort(order, (x, y) -> Double.compare(key[y], key[x]));
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
        long offset = Math.floorMod(Mixing.hash(district, seed, 3), stems.length);
        long k = Math.floorMod(ordinalInDistrict, names);
        // multiplier and k % S are both below S (a few hundred), so the product cannot overflow.
        int stem = (int) ((multiplier * (k % stems.length) + offset) % stems.length);
        int variant = (int) (k / stems.length);
        return stems[stem] + " " + typeOrderByStem[stem][variant];
    }

    long capacity() {
        return names;
    }
}
