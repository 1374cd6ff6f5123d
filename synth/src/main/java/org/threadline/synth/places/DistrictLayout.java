package org.threadline.synth.places;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays streets out over districts without shared state. Street numbers are dealt out in cycles of {@link #CYCLE_SLOTS}
 * slots; each district owns a share of the slots proportional to its weight, and the slots are shuffled once with a fixed
 * key so that any prefix of street numbers is a fair sample of the whole area. From a street number alone this gives its
 * district and its ordinal within that district (which streets and postcodes are numbered by), in O(1).
 *
 * <p>The layout does not depend on the seed: the same address number is always in the same district.
 */
final class DistrictLayout {

    /** Slots per cycle. Large enough that the smallest district still gets one slot. */
    static final int CYCLE_SLOTS = 2000;
    private static final long SHUFFLE_KEY = 0x5EEDC0DEL;

    private final List<PostcodeDistrict> districts;
    private final int[] slotDistrict;
    private final int[] slotRank;
    private final int[] quota;
    private final Map<String, int[]> slotsByAuthority;

    DistrictLayout(List<PostcodeDistrict> districts) {
        this.districts = List.copyOf(districts);
        this.quota = quotas(districts);
        this.slotDistrict = new int[CYCLE_SLOTS];
        int s = 0;
        for (int d = 0; d < quota.length; d++) {
            for (int k = 0; k < quota[d]; k++) {
                slotDistrict[s++] = d;
            }
        }
        for (int i = CYCLE_SLOTS - 1; i > 0; i--) {
            int j = Mixing.index(Mixing.hash(i, SHUFFLE_KEY, 1), i + 1);
            int t = slotDistrict[i];
            slotDistrict[i] = slotDistrict[j];
            slotDistrict[j] = t;
        }
        this.slotRank = new int[CYCLE_SLOTS];
        int[] seen = new int[quota.length];
        Map<String, List<Integer>> byAuthority = new LinkedHashMap<>();
        for (int i = 0; i < CYCLE_SLOTS; i++) {
            slotRank[i] = seen[slotDistrict[i]]++;
            byAuthority.computeIfAbsent(districts.get(slotDistrict[i]).localAuthority(), a -> new ArrayList<>()).add(i);
        }
        this.slotsByAuthority = new LinkedHashMap<>();
        byAuthority.forEach((a, slots) -> slotsByAuthority.put(a, slots.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** Largest-remainder apportionment of the cycle's slots, with at least one slot per district. */
    private static int[] quotas(List<PostcodeDistrict> districts) {
        double total = districts.stream().mapToDouble(PostcodeDistrict::weight).sum();
        int[] q = new int[districts.size()];
        double[] remainder = new double[q.length];
        int used = 0;
        for (int d = 0; d < q.length; d++) {
            double exact = districts.get(d).weight() / total * CYCLE_SLOTS;
            q[d] = Math.max(1, (int) Math.floor(exact));
            remainder[d] = exact - Math.floor(exact);
            used += q[d];
        }
        while (used != CYCLE_SLOTS) {
            int best = -1;
            for (int d = 0; d < q.length; d++) {
                boolean eligible = used < CYCLE_SLOTS || q[d] > 1;
                if (eligible && (best < 0 || (used < CYCLE_SLOTS ? remainder[d] > remainder[best] : q[d] > q[best]))) {
                    best = d;
                }
            }
            if (used < CYCLE_SLOTS) {
                q[best]++;
                remainder[best] = -1;
                used++;
            } else {
                q[best]--;
                used--;
            }
        }
        return q;
    }

    int districtIndex(long street) {
        return slotDistrict[(int) (street % CYCLE_SLOTS)];
    }

    PostcodeDistrict district(long street) {
        return districts.get(districtIndex(street));
    }

    /** The street's position among the streets of its own district: 0, 1, 2 ... in street-number order. */
    long ordinalInDistrict(long street) {
        int slot = (int) (street % CYCLE_SLOTS);
        return (street / CYCLE_SLOTS) * quota[slotDistrict[slot]] + slotRank[slot];
    }

    /** The n-th street (0-based) among those in a local authority, as a global street number. */
    long streetInAuthority(String localAuthority, long n) {
        int[] slots = slotsByAuthority.get(localAuthority);
        if (slots == null) {
            throw new IllegalArgumentException("unknown local authority '" + localAuthority + "'; known: "
                    + slotsByAuthority.keySet());
        }
        return (n / slots.length) * CYCLE_SLOTS + slots[(int) (n % slots.length)];
    }

    List<String> localAuthorities() {
        return List.copyOf(slotsByAuthority.keySet());
    }

    List<PostcodeDistrict> districts() {
        return districts;
    }

    int districtCount() {
        return districts.size();
    }
}
