package org.threadline.domain.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What the synthetic-population generator relies on: whatever it builds is valid.
 *
 * <p>Each property is checked on its boundary values and then on {@link #DRAWS} inputs drawn from a
 * {@link SplittableRandom} with the fixed {@link #SEED}, so every run sees the same inputs and a failure names the
 * input that broke it and can be replayed.
 */
class GeneratedIdentifiersPropertiesTest {

    /** Fixed so runs are reproducible; change it deliberately to explore other inputs. */
    private static final long SEED = 0x7468_7265_6164_6CL;
    private static final int DRAWS = 10_000;

    private static final long LAST_SERIAL = NhsNumber.TEST_RANGE_SERIALS - 1; // 899_999
    private static final String UPN_LAST_CHARACTERS = "0123456789" + Upn.ALPHABET;
    private static final String IDENTIFIER_LIKE_CHARACTERS = "0123456789ABCZabcz /-.\t";
    private static final String DECORATIONS = " \t-/.\u00a0";

    @Test
    void every_test_range_nhs_number_is_valid_and_in_the_test_range() {
        Consumer<Long> property = serial -> {
            NhsNumber nhs = NhsNumber.testRange(serial);

            assertThat(NhsNumber.isValid(nhs.value())).isTrue();
            assertThat(nhs.value()).startsWith("999").hasSize(10);
        };

        forAll(List.of(0L, 1L, 8L, 9L, 10L, LAST_SERIAL - 1, LAST_SERIAL), property);
        forAll(random -> random.nextLong(LAST_SERIAL + 1), property);
    }

    @Test
    void test_range_nhs_numbers_ascend_with_their_serial() {
        Consumer<Long> property = serial ->
                assertThat(NhsNumber.testRange(serial + 1).value()).isGreaterThan(NhsNumber.testRange(serial).value());

        forAll(List.of(0L, 7L, 8L, 9L, LAST_SERIAL - 1), property);
        forAll(random -> random.nextLong(LAST_SERIAL), property);
    }

    @Test
    void changing_any_single_digit_of_a_valid_nhs_number_makes_it_invalid() {
        Consumer<Mutation> property = m -> {
            char changed = (char) ('0' + (m.valid().charAt(m.position()) - '0' + m.delta()) % 10);
            String mutated = m.valid().substring(0, m.position()) + changed + m.valid().substring(m.position() + 1);

            assertThat(NhsNumber.check(mutated).reason())
                    .isIn(CheckReason.BAD_CHECK_DIGIT, CheckReason.NO_POSSIBLE_CHECK_DIGIT);
        };

        List<Mutation> everyMutationOfBoundaryNumbers = new ArrayList<>();
        for (String valid : List.of("9434765919", NhsNumber.testRange(0).value(),
                NhsNumber.testRange(LAST_SERIAL).value(), "0000000000")) {
            for (int position = 0; position <= 9; position++) {
                for (int delta = 1; delta <= 9; delta++) {
                    everyMutationOfBoundaryNumbers.add(new Mutation(valid, position, delta));
                }
            }
        }
        forAll(everyMutationOfBoundaryNumbers, property);
        forAll(random -> new Mutation(validNhsNumber(random), random.nextInt(10), 1 + random.nextInt(9)), property);
    }

    private record Mutation(String valid, int position, int delta) {
    }

    @Test
    void every_upn_built_from_parts_is_valid_and_temporary_exactly_when_it_ends_in_a_letter() {
        Consumer<UpnParts> property = p -> {
            Upn upn = Upn.of(p.la(), p.establishment(), p.year(), p.serial() + p.last());

            assertThat(Upn.isValid(upn.value())).isTrue();
            assertThat(upn.isTemporary()).isEqualTo(Character.isLetter(p.last()));
        };

        List<UpnParts> boundaries = new ArrayList<>();
        for (char last : UPN_LAST_CHARACTERS.toCharArray()) {
            boundaries.add(new UpnParts("000", "0000", "00", "00", last));
            boundaries.add(new UpnParts("999", "9999", "99", "99", last));
        }
        forAll(boundaries, property);

        int[] temporaries = {0};
        forAll(random -> new UpnParts(digits(random, 3), digits(random, 4), digits(random, 2), digits(random, 2),
                UPN_LAST_CHARACTERS.charAt(random.nextInt(UPN_LAST_CHARACTERS.length()))), p -> {
                    property.accept(p);
                    temporaries[0] += Character.isLetter(p.last()) ? 1 : 0;
                });
        assertThat(temporaries[0]).as("draws should include both temporary and permanent UPNs")
                .isStrictlyBetween(DRAWS / 10, DRAWS - DRAWS / 10);
    }

    private record UpnParts(String la, String establishment, String year, String serial, char last) {
    }

    @Test
    void every_pnc_id_built_from_year_and_serial_is_valid_and_gives_back_its_year_and_serial() {
        Consumer<int[]> property = yearAndSerial -> {
            int year = yearAndSerial[0];
            int serial = yearAndSerial[1];
            PncId pnc = PncId.of(year, serial);

            assertThat(PncId.isValid(pnc.value())).isTrue();
            assertThat(pnc.year()).isEqualTo(year);
            assertThat(pnc.serial()).isEqualTo(serial);
        };

        forAll(List.of(new int[] {1900, 0}, new int[] {1900, 9_999_999}, new int[] {2099, 0},
                new int[] {2099, 9_999_999}, new int[] {2000, 1}), property);
        forAll(random -> new int[] {random.nextInt(1900, 2100), random.nextInt(10_000_000)}, property);
    }

    @Test
    void short_form_of_a_pnc_id_expands_back_within_a_century_of_the_reference_year() {
        Consumer<int[]> property = yearSerialLater -> {
            int year = yearSerialLater[0];
            int serial = yearSerialLater[1];
            int yearsLater = yearSerialLater[2];
            PncId pnc = PncId.of(year, serial);
            String shortForm = pnc.value().substring(2);

            assertThat(PncId.canonical(shortForm, Year.of(year + yearsLater))).hasValue(pnc.value());
        };

        List<int[]> boundaries = new ArrayList<>();
        for (int year : new int[] {1930, 1999, 2000, 2099}) {
            for (int serial : new int[] {0, 9_999_999}) {
                for (int yearsLater : new int[] {0, 99}) {
                    boundaries.add(new int[] {year, serial, yearsLater});
                }
            }
        }
        forAll(boundaries, property);
        forAll(random -> new int[] {random.nextInt(1930, 2100), random.nextInt(10_000_000), random.nextInt(100)},
                property);
    }

    @Test
    void normalising_twice_changes_nothing() {
        Consumer<String> property = raw -> {
            assertThat(NhsNumber.normalise(NhsNumber.normalise(raw))).isEqualTo(NhsNumber.normalise(raw));
            assertThat(Upn.normalise(Upn.normalise(raw))).isEqualTo(Upn.normalise(raw));
            assertThat(PncId.normalise(PncId.normalise(raw))).isEqualTo(PncId.normalise(raw));
            assertThat(NiNumber.normalise(NiNumber.normalise(raw))).isEqualTo(NiNumber.normalise(raw));
            assertThat(Postcode.normalise(Postcode.normalise(raw))).isEqualTo(Postcode.normalise(raw));
        };

        forAll(messyBoundaries(), property);
        forAll(GeneratedIdentifiersPropertiesTest::messyIdentifier, property);
    }

    @Test
    void checking_a_normalised_value_gives_the_same_verdict() {
        Consumer<String> property = raw -> {
            if (raw.isEmpty()) {
                return; // an empty value is blank either way; the property is about non-empty input
            }
            assertThat(Postcode.check(Postcode.normalise(raw)).reason()).isEqualTo(Postcode.check(raw).reason());
            assertThat(PncId.check(PncId.normalise(raw)).reason()).isEqualTo(PncId.check(raw).reason());
            assertThat(NiNumber.check(NiNumber.normalise(raw)).reason()).isEqualTo(NiNumber.check(raw).reason());
        };

        forAll(messyBoundaries(), property);
        forAll(GeneratedIdentifiersPropertiesTest::messyIdentifier, property);
    }

    // --- input generation -------------------------------------------------------------------------------------

    /** Checks the property on each listed input, naming the input if it fails. */
    private static <T> void forAll(List<T> inputs, Consumer<? super T> property) {
        for (int i = 0; i < inputs.size(); i++) {
            check(inputs.get(i), property, "boundary value #" + i);
        }
    }

    /** Checks the property on {@link #DRAWS} inputs drawn from a random source seeded with {@link #SEED}. */
    private static <T> void forAll(Function<SplittableRandom, T> draw, Consumer<? super T> property) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < DRAWS; i++) {
            check(draw.apply(random), property, "draw #" + i + " with seed " + SEED);
        }
    }

    private static <T> void check(T input, Consumer<? super T> property, String where) {
        try {
            property.accept(input);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("property failed for " + describe(input) + " (" + where + ")", e);
        }
    }

    private static String describe(Object input) {
        if (input instanceof int[] ints) {
            return java.util.Arrays.toString(ints);
        }
        if (input instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            s.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c)
                    : String.format("\\u{%04X}", c)));
            return out.append('"').toString();
        }
        return String.valueOf(input);
    }

    private static String digits(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** Any ten-digit NHS number with a correct check digit, not just the test range. */
    private static String validNhsNumber(SplittableRandom random) {
        while (true) {
            String stem = digits(random, 9);
            if (NhsNumber.checkDigit(stem).isPresent()) {
                return stem + NhsNumber.checkDigit(stem).getAsInt();
            }
        }
    }

    private static List<String> messyBoundaries() {
        return List.of("", " ", "\t", "-", "/", ".", " / ", "\u00a0", "a", "z", "0", "9434765919",
                "943 476 5919", "e330200124123", "81/34u", "1981/0000034U", "81 34U", "AB123456C", "ab 12 34 56 c",
                "b1 1bb", "B11BB", "sw1a1aa", "ZZ99 3VZ", "zz993vz", "\u00df", "\u0131", "\u0130", "\ud83d\ude00");
    }

    /**
     * A third of the time a string over identifier-ish characters, a third of the time any string at all, and a third
     * of the time a real identifier in messy dress (case, spaces, separators), so the shapes the parsers accept are
     * exercised too.
     */
    private static String messyIdentifier(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> stringOver(random, IDENTIFIER_LIKE_CHARACTERS);
            case 1 -> anyString(random);
            default -> dressedUp(random, realIdentifier(random));
        };
    }

    private static String stringOver(SplittableRandom random, String alphabet) {
        int length = random.nextInt(17);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Up to 16 chars of any Unicode code points, leaning towards ASCII and whitespace where the edge cases live. */
    private static String anyString(SplittableRandom random) {
        int length = random.nextInt(17);
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20, 0x7f);
                case 1 -> random.nextInt(0x80);
                case 2 -> random.nextInt(0x1_0000);
                default -> random.nextInt(Character.MAX_CODE_POINT + 1);
            };
            if (Character.isSurrogate((char) codePoint) && codePoint < 0x1_0000) {
                continue; // a lone surrogate is not text
            }
            if (out.length() + Character.charCount(codePoint) <= 16) {
                out.appendCodePoint(codePoint);
            } else {
                out.append('x');
            }
        }
        return out.toString();
    }

    private static String realIdentifier(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> NhsNumber.testRange(random.nextLong(NhsNumber.TEST_RANGE_SERIALS)).value();
            case 1 -> Upn.of(digits(random, 3), digits(random, 4), digits(random, 2),
                    digits(random, 2) + UPN_LAST_CHARACTERS.charAt(random.nextInt(UPN_LAST_CHARACTERS.length())))
                    .value();
            case 2 -> {
                String pnc = PncId.of(random.nextInt(1900, 2100), random.nextInt(10_000_000)).value();
                yield random.nextBoolean() ? pnc : pnc.substring(2);
            }
            case 3 -> List.of("AB123456C", "JG103759A", "QQ123456").get(random.nextInt(3));
            default -> List.of("B1 1BB", "SW1A 1AA", "M60 1NW", "EC1A 1BB", "ZZ99 3VZ").get(random.nextInt(5));
        };
    }

    /** Randomly lower-cases letters, inserts separators and whitespace, and sometimes changes one character. */
    private static String dressedUp(SplittableRandom random, String identifier) {
        StringBuilder out = new StringBuilder();
        for (char c : identifier.toCharArray()) {
            if (random.nextInt(4) == 0) {
                out.append(DECORATIONS.charAt(random.nextInt(DECORATIONS.length())));
            }
            out.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
        }
        if (out.length() > 0 && random.nextInt(4) == 0) {
            out.setCharAt(random.nextInt(out.length()), (char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
