package org.threadline.synth.extracts;

import java.util.Locale;
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
    /** Eleven digits: room for 1.5 million lineages (about 13 million people) of 65,536 events each. */
    static final long EVENT_KEY_DOMAIN = 100_000_000_000L;
    private static final long OVERFLOW_STEMS_START = 0L;
    private static final List<String> NI_PREFIXES = niPrefixes();

    private final Permutation nhsTest;
    private final Permutation nhsOverflow;
    private final Permutation pupils;
    private final Permutation offenders;
    private final Permutation insurance;
    private final long seed;
    private final java.util.Map<String, Permutation> custom = new java.util.concurrent.ConcurrentHashMap<>();

    public Keys(long seed) {
        nhsTest = new Permutation(seed, "nhs-test-range", NhsNumber.TEST_RANGE_SERIALS);
        nhsOverflow = new Permutation(seed, "nhs-overflow", 9_000_000L);
        pupils = new Permutation(seed, "upn", 10_000_000L);
        offenders = new Permutation(seed, "pnc", 10_000_000L);
        insurance = new Permutation(seed, "nino", (long) NI_PREFIXES.size() * 1_000_000L);
        this.seed = seed;
    }

    /** The truth's person id; it appears only in the truth files. */
    public static String personId(long serial) {
        return String.format(Locale.ROOT, "P%09d", serial);
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
            String stem = String.format(Locale.ROOT, "%09d", blockStart + offset);
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
        return Upn.of(laCode, String.format(Locale.ROOT, "%04d", n / 1000), String.format(Locale.ROOT, "%02d", academicYear % 100),
                String.format(Locale.ROOT, "%03d", n % 1000)).value();
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
     * A record key for a person, unique within {@code purpose}: a keyed permutation of {@code value} over
     * {@code [0, domain)}, so distinct values always give distinct keys.
     *
     * @param purpose names the key family (one permutation each)
     * @param value   the person serial, or serial * 2 + 1 for a duplicate registration
     * @param domain  how many keys the format can hold; must exceed every value used
     */
    public long personKey(String purpose, long value, long domain) {
        return permutation(purpose, domain).apply(value);
    }

    /**
     * A record key for an event (an occurrence, an attendance, a case), unique across the population: a permutation
     * of (lineage, event number within the lineage) over eleven digits.
     */
    public long eventKey(String purpose, int lineage, int event) {
        if (event >= EVENTS_PER_LINEAGE) {
            throw new IllegalStateException("lineage " + lineage + " has more than " + EVENTS_PER_LINEAGE
                    + " events; record keys would no longer be unique");
        }
        return permutation(purpose, EVENT_KEY_DOMAIN).apply((long) lineage * EVENTS_PER_LINEAGE + event);
    }

    /** A non-negative hash of a value for choices that must be stable per thing (a district's school, a home's phone). */
    public long hash(String purpose, long value) {
        return Permutation.mix(seed ^ (purpose.hashCode() * 0x9E3779B97F4A7C15L) ^ Permutation.mix(value)) >>> 1;
    }

    private Permutation permutation(String purpose, long domain) {
        return custom.computeIfAbsent(purpose + "/" + domain, k -> new Permutation(seed, purpose, domain));
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
