package org.threadline.synth.places;

import org.threadline.synth.resources.ResourceCsv;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A fictional gazetteer of the West Midlands metropolitan county. Every address is a pure function of its address number
 * and the seed, so any worker thread can produce address #123456 without shared state or coordination. Numbers nearby
 * are neighbours: {@value #ADDRESSES_PER_STREET} consecutive numbers share a street (and so a district), and
 * {@value #ADDRESSES_PER_POSTCODE} consecutive numbers share a postcode unit within that street.
 *
 * <p>Postcodes have the real shape (outward code from the district table, inward code digit + two letters from
 * ABDEFGHJLNPQRSTUWXYZ) but are invented: a generated postcode may or may not exist in reality. A district has 4,000
 * distinct inward codes, so postcodes only repeat in a district beyond 60,000 addresses there. The district table is
 * approximate (see {@code postcode_districts.csv}). Loaded once; immutable and thread-safe.
 */
public final class Gazetteer {

    /** Addresses per street: a street is one district and two postcode units. */
    public static final int ADDRESSES_PER_STREET = 30;
    /** Addresses per postcode unit, near the UK average of about 15 delivery points. */
    public static final int ADDRESSES_PER_POSTCODE = 15;
    /** Share of streets that are a tower block of flats ("Flat 12, Hawthorn Tower, Oak Road"). */
    public static final double TOWER_BLOCK_RATE = 0.04;
    /** Share of houses converted into two or three flats ("Flat 2, 14 Oak Road"). */
    public static final double CONVERTED_HOUSE_RATE = 0.05;
    /** Address numbers must be below this for UPRNs to stay unique and 12 digits long. */
    public static final long MAX_ADDRESS_NUMBER = 900_000_000_000L;

    static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final long UPRN_BASE = 100_000_000_000L;
    private static final long UPRN_MULTIPLIER = 982_451L; // prime, so coprime with 9·10^11 = 2^11·3^2·5^11
    private static final int UNITS_PER_DISTRICT = 4000; // 10 sector digits × 20 × 20 unit letters
    private static final int UNITS_PER_SECTOR = 400;
    private static final int SECTOR_RUN = 50; // consecutive postcode units that share a sector digit
    private static final int UNIT_MULTIPLIER = 137; // coprime with 400

    private static final long SALT_TOWER = 10;
    private static final long SALT_BLOCK = 11;
    private static final long SALT_CONVERTED = 12;
    private static final long SALT_SECTOR = 13;
    private static final long SALT_UNIT = 14;
    private static final long SALT_UPRN = 15;

    private static final String BASE = "/org/threadline/synth/places/";

    private final DistrictLayout layout;
    private final StreetNaming streets;
    private final String[] towerBlocks;

    private Gazetteer(DistrictLayout layout, StreetNaming streets, String[] towerBlocks) {
        this.layout = layout;
        this.streets = streets;
        this.towerBlocks = towerBlocks;
    }

    /** The shared gazetteer, loaded on first use. */
    public static Gazetteer standard() {
        return Standard.INSTANCE;
    }

    static Gazetteer load() {
        List<PostcodeDistrict> districts = ResourceCsv.load(BASE + "postcode_districts.csv").rows().stream()
                .map(r -> new PostcodeDistrict(r.get(0), r.get(1), r.get(2), r.get(3), Double.parseDouble(r.get(4))))
                .toList();
        List<String> stems = ResourceCsv.load(BASE + "street_stems.csv").rows().stream().map(r -> r.get(0)).toList();
        List<List<String>> types = ResourceCsv.load(BASE + "street_types.csv").rows();
        StreetNaming naming = new StreetNaming(stems, types.stream().map(r -> r.get(0)).toList(),
                types.stream().mapToDouble(r -> Double.parseDouble(r.get(1))).toArray());
        String[] blocks = ResourceCsv.load(BASE + "tower_blocks.csv").rows().stream().map(r -> r.get(0))
                .toArray(String[]::new);
        return new Gazetteer(new DistrictLayout(districts), naming, blocks);
    }

    /** The district table, in file order. */
    public List<PostcodeDistrict> districts() {
        return layout.districts();
    }

    /** The seven metropolitan boroughs. */
    public List<String> localAuthorities() {
        return layout.localAuthorities();
    }

    /** The local authority an address number lies in, without building the whole address. */
    public String localAuthorityOf(long addressNumber) {
        return layout.district(checked(addressNumber) / ADDRESSES_PER_STREET).localAuthority();
    }

    /**
     * The global address number of the n-th address (0-based) in a local authority. Consecutive n stay on one street, so
     * a family moving "locally" can pick a nearby n; the result can be passed to {@link #address(long, long)}.
     *
     * @throws IllegalArgumentException for an authority not in {@link #localAuthorities()}
     */
    public long addressNumberIn(String localAuthority, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        long street = layout.streetInAuthority(localAuthority, n / ADDRESSES_PER_STREET);
        return checked(street * ADDRESSES_PER_STREET + n % ADDRESSES_PER_STREET);
    }

    /** The n-th address in a local authority: {@code address(addressNumberIn(localAuthority, n), seed)}. */
    public Address addressIn(String localAuthority, long n, long seed) {
        return address(addressNumberIn(localAuthority, n), seed);
    }

    /**
     * The address with this number, derived from the number and seed alone.
     *
     * @param addressNumber 0 ≤ addressNumber &lt; {@link #MAX_ADDRESS_NUMBER}
     */
    public Address address(long addressNumber, long seed) {
        long street = checked(addressNumber) / ADDRESSES_PER_STREET;
        int position = (int) (addressNumber % ADDRESSES_PER_STREET);
        int d = layout.districtIndex(street);
        PostcodeDistrict district = layout.district(street);
        long ordinal = layout.ordinalInDistrict(street);
        String streetName = streets.name(ordinal, d, seed);
        long unit = ordinal * (ADDRESSES_PER_STREET / ADDRESSES_PER_POSTCODE) + position / ADDRESSES_PER_POSTCODE;
        String postcode = district.outward() + " " + inward(unit, d, seed);
        long uprn = uprn(addressNumber, seed);

        Optional<String> flat = Optional.empty();
        Optional<String> block = Optional.empty();
        OptionalInt number;
        if (Mixing.unit(Mixing.hash(street, seed, SALT_TOWER)) < TOWER_BLOCK_RATE) {
            flat = Optional.of("Flat " + (position + 1));
            block = Optional.of(towerBlocks[Mixing.index(Mixing.hash(street, seed, SALT_BLOCK), towerBlocks.length)]);
            number = OptionalInt.empty();
        } else {
            // Walk the street's houses; a converted house holds two or three flats under one number.
            int house = 0;
            int first = 0;
            while (true) {
                long h = Mixing.hash(street * 64 + house, seed, SALT_CONVERTED);
                int flats = Mixing.unit(h) < CONVERTED_HOUSE_RATE ? 2 + (int) ((h >>> 7) & 1) : 1;
                if (position < first + flats) {
                    if (flats > 1) {
                        flat = Optional.of("Flat " + (position - first + 1));
                    }
                    break;
                }
                first += flats;
                house++;
            }
            number = OptionalInt.of(house + 1);
        }
        return new Address(addressNumber, uprn, flat, block, number, streetName, district.locality(),
                district.postTown(), district.localAuthority(), postcode);
    }

    /**
     * The inward code of a district's k-th postcode unit. Runs of {@value #SECTOR_RUN} units share a sector digit, as real
     * neighbouring units do; within the 4,000 codes the map from k is a bijection, so units never collide below that.
     */
    static String inward(long unitOrdinal, int district, long seed) {
        int k = (int) (unitOrdinal % UNITS_PER_DISTRICT);
        int run = k / SECTOR_RUN;
        int sectorStep = run % 10;
        int withinSector = (run / 10) * SECTOR_RUN + k % SECTOR_RUN;
        int sector = (sectorStep + Mixing.index(Mixing.hash(district, seed, SALT_SECTOR), 10)) % 10;
        int offset = Mixing.index(Mixing.hash(district, seed, SALT_UNIT), UNITS_PER_SECTOR);
        int u = (UNIT_MULTIPLIER * withinSector + offset) % UNITS_PER_SECTOR;
        return "" + sector + INWARD_LETTERS.charAt(u / 20) + INWARD_LETTERS.charAt(u % 20);
    }

    /**
     * A 12-digit UPRN: an affine bijection of the address number modulo 9·10^11, shifted into 10^11 .. 10^12 − 1. Distinct
     * address numbers below {@link #MAX_ADDRESS_NUMBER} always get distinct UPRNs.
     */
    static long uprn(long addressNumber, long seed) {
        long offset = Math.floorMod(Mixing.hash(0, seed, SALT_UPRN), MAX_ADDRESS_NUMBER);
        // The multiplier is under 2^20 and the number under 2^40, so the product fits in a long.
        return UPRN_BASE + (UPRN_MULTIPLIER * addressNumber % MAX_ADDRESS_NUMBER + offset) % MAX_ADDRESS_NUMBER;
    }

    private static long checked(long addressNumber) {
        if (addressNumber < 0 || addressNumber >= MAX_ADDRESS_NUMBER) {
            throw new IllegalArgumentException("address number out of range: " + addressNumber);
        }
        return addressNumber;
    }

    /** Holder idiom: loaded once, on first use, under the JVM's class-initialisation lock. */
    private static final class Standard {
        static final Gazetteer INSTANCE = load();
    }
}
