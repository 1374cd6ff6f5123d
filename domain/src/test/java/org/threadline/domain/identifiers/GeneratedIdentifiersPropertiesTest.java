package org.threadline.domain.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** What the synthetic-population generator relies on: whatever it builds is valid. */
class GeneratedIdentifiersPropertiesTest {

    @Property
    void every_test_range_nhs_number_is_valid_and_in_the_test_range(@ForAll @LongRange(max = 899_999) long serial) {
        NhsNumber nhs = NhsNumber.testRange(serial);

        assertThat(NhsNumber.isValid(nhs.value())).isTrue();
        assertThat(nhs.value()).startsWith("999").hasSize(10);
    }

    @Property
    void test_range_nhs_numbers_ascend_with_their_serial(@ForAll @LongRange(max = 899_998) long serial) {
        assertThat(NhsNumber.testRange(serial + 1).value()).isGreaterThan(NhsNumber.testRange(serial).value());
    }

    @Property
    void changing_any_single_digit_of_a_valid_nhs_number_makes_it_invalid(
            @ForAll("validNhsNumbers") String valid,
            @ForAll @IntRange(max = 9) int position,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        char changed = (char) ('0' + (valid.charAt(position) - '0' + delta) % 10);
        String mutated = valid.substring(0, position) + changed + valid.substring(position + 1);

        assertThat(NhsNumber.check(mutated).reason())
                .isIn(CheckReason.BAD_CHECK_DIGIT, CheckReason.NO_POSSIBLE_CHECK_DIGIT);
    }

    @Provide
    Arbitrary<String> validNhsNumbers() {
        return Arbitraries.strings().numeric().ofLength(9)
                .filter(stem -> NhsNumber.checkDigit(stem).isPresent())
                .map(stem -> stem + NhsNumber.checkDigit(stem).getAsInt());
    }

    @Property
    void every_upn_built_from_parts_is_valid(
            @ForAll @NumericChars @StringLength(3) String la,
            @ForAll @NumericChars @StringLength(4) String establishment,
            @ForAll @NumericChars @StringLength(2) String year,
            @ForAll @NumericChars @StringLength(2) String serial,
            @ForAll("upnLastCharacters") char last) {
        Upn upn = Upn.of(la, establishment, year, serial + last);

        assertThat(Upn.isValid(upn.value())).isTrue();
        assertThat(upn.isTemporary()).isEqualTo(Character.isLetter(last));
    }

    @Provide
    Arbitrary<Character> upnLastCharacters() {
        return Arbitraries.chars().with(("0123456789" + Upn.ALPHABET).toCharArray());
    }

    @Property
    void every_pnc_id_built_from_year_and_serial_is_valid(
            @ForAll @IntRange(min = 1900, max = 2099) int year,
            @ForAll @IntRange(max = 9_999_999) int serial) {
        PncId pnc = PncId.of(year, serial);

        assertThat(PncId.isValid(pnc.value())).isTrue();
        assertThat(pnc.year()).isEqualTo(year);
        assertThat(pnc.serial()).isEqualTo(serial);
    }

    @Property
    void short_form_of_a_pnc_id_expands_back_within_a_century_of_the_reference_year(
            @ForAll @IntRange(min = 1930, max = 2099) int year,
            @ForAll @IntRange(max = 9_999_999) int serial,
            @ForAll @IntRange(max = 99) int yearsLater) {
        PncId pnc = PncId.of(year, serial);
        String shortForm = pnc.value().substring(2);

        assertThat(PncId.canonical(shortForm, Year.of(year + yearsLater))).hasValue(pnc.value());
    }

    @Property
    void normalising_twice_changes_nothing(@ForAll("messyIdentifiers") String raw) {
        assertThat(NhsNumber.normalise(NhsNumber.normalise(raw))).isEqualTo(NhsNumber.normalise(raw));
        assertThat(Upn.normalise(Upn.normalise(raw))).isEqualTo(Upn.normalise(raw));
        assertThat(PncId.normalise(PncId.normalise(raw))).isEqualTo(PncId.normalise(raw));
        assertThat(NiNumber.normalise(NiNumber.normalise(raw))).isEqualTo(NiNumber.normalise(raw));
        assertThat(Postcode.normalise(Postcode.normalise(raw))).isEqualTo(Postcode.normalise(raw));
    }

    @Provide
    Arbitrary<String> messyIdentifiers() {
        Arbitrary<String> identifierLike = Arbitraries.strings()
                .withChars("0123456789ABCZabcz /-.\t").ofMaxLength(16);
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(16);
        return Arbitraries.oneOf(identifierLike, anything);
    }

    @Property
    void checking_a_normalised_value_gives_the_same_verdict(@ForAll("messyIdentifiers") String raw) {
        Assume.that(!raw.isEmpty());
        assertThat(Postcode.check(Postcode.normalise(raw)).reason()).isEqualTo(Postcode.check(raw).reason());
        assertThat(PncId.check(PncId.normalise(raw)).reason()).isEqualTo(PncId.check(raw).reason());
        assertThat(NiNumber.check(NiNumber.normalise(raw)).reason()).isEqualTo(NiNumber.check(raw).reason());
    }
}
