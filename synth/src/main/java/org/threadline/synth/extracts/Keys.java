package org.threadline.synth.extracts;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.threadline.domain.identifiers.NhsNumber;
import org.threadline.domain.identifiers.NiNumber;
import org.threadline.domain.identifiers.PncId;
import org.threadline.domain.identifiers.Upn;

/**
 * Every identifier and record key in the extracts, derived from a person's dense serial (or an event's number)
 * through keyed permutations: unique, reproducible, and uninformative about who is related to whom.
 */
public final class Keys {
    /** Serials reserved per lineage for events; a lineage with more events wraps (keys stay unique per table). */
    static final long EVENTS_PER_LINEAGE = 1L << 16;
    private static final long OVERFLOW_STEMS_START = 0L;
    private static final List<String> NI_PREFIXES = niPrefixes();

    private final Permutation nhsTest;
    private final Permutation nhsOverflow;
    private final Permutation pupils;
    private final Permutation offenders;
    private final Permutation insurance;
    private final Permutation local;
    private final Permutation events;

    public Keys(long seed) {
        nhsTest = new Permutation(seed, "nhs-test-range", NhsNumber.TEST_RANGE_SERIALS);
        nhsOverflow = new Permutation(seed, "nhs-overflow", 9_000_000L);
        pupils = new Permutation(seed, "upn", 10_000_000L);
        offenders = new Permutation(seed, "pnc", 10_000_000L);
        insurance = new Permutation(seed, "nino", (long) NI_PREFIXES.size() * 1_000_000L);
        local = new Permutation(seed, "local-keys", 1_000_000_000L);
        events = new Permutation(seed, "event-keys", 1L << 40);
    }

    /** The truth's person id; it appears only in the truth files. */
    public static String personId(long serial) {
        return String.format("P%09d", serial);
    }

    /**
     * An NHS number. The first 900,000 serials (in permuted order) use the reserved test range 999 000 0000 -
     * 999 999 9999; populations larger than that continue in stems 000 000 000 - 008 999 999, which the NHS does not
     * issue (a Scottish CHI there would start with day 00); see docs/synthetic-data.md.
     */
    public String nhsNumber(long serial) {
        if (serial < NhsNumber.TEST_RANGE_SERIALS) {
            return NhsNumber.testRange(nhsTest.apply(serial)).value();
        }
        long s = nhsOverflow.apply(serial - NhsNumber.TEST_RANGE_SERIALS);
        long blockStart = OVERFLOW_STEMS_START + (s / 9) * 10;
        long wanted = s % 9;
        for (int offset = 0; offset < 10; offset++) {
            String stem = String.format("%09d", blockStart + offset);
            OptionalInt digit = NhsNumber.checkDigit(stem);
            if (digit.isPresent() && wanted-- == 0) {
                return stem + digit.getAsInt();
            }
        }
        throw new AssertionError("a block of ten stems always has nine usable ones");
    }

    /** A UPN allocated by the first school's local authority in the academic year the child started school. */
    public String upn(long serial, String laCode, int academicYear) {
        long n = pupils.apply(serial);
        return Upn.of(laCode, String.format("%04d", n / 1000), String.format("%02d", academicYear % 100),
                String.format("%03d", n % 1000)).value();
    }

    /** A PNC ID created in the year of a person's first arrest. */
    public String pncId(long serial, int year) {
        return PncId.of(year, (int) offenders.apply(serial)).value();
    }

    public String niNumber(long serial) {
        long n = insurance.apply(serial);
        String prefix = NI_PREFIXES.get((int) (n / 1_000_000));
        return NiNumber.of(prefix, (int) (n % 1_000_000), "ABCD".charAt((int) (serial & 3))).value();
    }

    /**
     * A local record key of up to nine digits, unique per (namespace, value) within one namespace; agencies format
     * it in their own style.
     *
     * @param namespace a small number distinguishing key families (0-99)
     * @param value     the person serial (times two, plus one for a duplicate registration) or event number
     */
    public long localKey(int namespace, long value) {
        return local.apply((value * 100 + namespace) % 1_000_000_000L);
    }

    /** A key for an event, unique across the population: lineage and event number within it. */
    public long eventKey(int lineage, int event) {
        return events.apply(((long) lineage * EVENTS_PER_LINEAGE + (event % EVENTS_PER_LINEAGE)) % (1L << 40));
    }

    private static List<String> niPrefixes() {
        List<String> prefixes = new ArrayList<>();
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                String p = "" + a + b;
                if (NiNumber.isValid(p + "123456A")) {
                    prefixes.add(p);
                }
            }
        }
        return prefixes;
    }
}
