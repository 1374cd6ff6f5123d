package org.threadline.synth.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    /** DOMAIN.md §1.5, the strict shape check. */
    private static final Pattern POSTCODE =
            Pattern.compile("^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})$");
    private static final Gazetteer GAZETTEER = Gazetteer.standard();
    private static final long SEED = 20240611L;

    @Test
    void every_postcode_matches_the_strict_regex_and_lies_in_a_west_midlands_area() {
        for (long n = 0; n < 300_000; n += 7) {
            String postcode = GAZETTEER.address(n, SEED).postcode();
            assertThat(postcode).matches(POSTCODE);
            assertThat(postcode).matches("^(B|CV|DY|WS|WV)[0-9].*");
        }
    }

    @Test
    void uprns_are_unique_positive_and_twelve_digits_over_a_million_address_numbers() {
        Set<Long> seen = new HashSet<>(2_000_000);
        for (long n = 0; n < 1_000_000; n++) {
            long uprn = Gazetteer.uprn(n, SEED);
            assertThat(uprn).isBetween(100_000_000_000L, 999_999_999_999L);
            assertThat(seen.add(uprn)).as("duplicate UPRN for address %d", n).isTrue();
        }
        assertThat(GAZETTEER.address(Gazetteer.MAX_ADDRESS_NUMBER - 1, SEED).uprn()).isBetween(100_000_000_000L,
                999_999_999_999L);
    }

    @Test
    void an_address_is_a_pure_function_of_its_number_and_the_seed() {
        Gazetteer reloaded = Gazetteer.load();
        for (long n : new long[] {0, 1, 29, 30, 123_456, 9_999_999, 899_999_999_999L}) {
            assertThat(reloaded.address(n, SEED)).isEqualTo(GAZETTEER.address(n, SEED));
        }
        assertThat(GAZETTEER.address(123_456, SEED)).isNotEqualTo(GAZETTEER.address(123_456, SEED + 1));
    }

    @Test
    void neighbours_share_a_street_and_district_and_fifteen_share_a_postcode() {
        for (long street = 0; street < 2_000; street++) {
            Address first = GAZETTEER.address(street * 30, SEED);
            for (int p = 1; p < 30; p++) {
                Address a = GAZETTEER.address(street * 30 + p, SEED);
                assertThat(a.street()).isEqualTo(first.street());
                assertThat(a.outwardCode()).isEqualTo(first.outwardCode());
                assertThat(a.postcode().equals(first.postcode())).isEqualTo(p < 15);
            }
        }
    }

    @Test
    void no_two_addresses_on_different_streets_share_a_postcode_and_no_address_line_repeats() {
        Map<String, String> streetOfPostcode = new HashMap<>();
        Set<String> lines = new HashSet<>();
        for (long n = 0; n < 600_000; n++) {
            Address a = GAZETTEER.address(n, SEED);
            String street = a.street() + "|" + a.outwardCode();
            assertThat(streetOfPostcode.computeIfAbsent(a.postcode(), p -> street)).isEqualTo(street);
            assertThat(lines.add(a.singleLine())).as("repeated %s", a.singleLine()).isTrue();
        }
    }

    @Test
    void addresses_spread_over_the_authorities_in_proportion_to_population() {
        Map<String, Integer> counts = new HashMap<>();
        int streets = 20_000;
        for (long s = 0; s < streets; s++) {
            counts.merge(GAZETTEER.localAuthorityOf(s * 30), 1, Integer::sum);
        }
        double total = GAZETTEER.districts().stream().mapToDouble(PostcodeDistrict::weight).sum();
        Map<String, Double> expected = new HashMap<>();
        GAZETTEER.districts().forEach(d -> expected.merge(d.localAuthority(), d.weight() / total, Double::sum));
        expected.forEach((la, share) -> assertThat(counts.get(la) / (double) streets).as(la).isCloseTo(share, within(0.01)));
        assertThat(expected.get("Birmingham")).isGreaterThan(0.35);
    }

    @Test
    void an_address_picked_in_a_local_authority_lies_in_it() {
        for (String la : GAZETTEER.localAuthorities()) {
            for (long n = 0; n < 50_000; n += 97) {
                Address a = GAZETTEER.addressIn(la, n, SEED);
                assertThat(a.localAuthority()).isEqualTo(la);
                assertThat(GAZETTEER.localAuthorityOf(a.addressNumber())).isEqualTo(la);
            }
        }
        assertThat(GAZETTEER.addressIn("Sandwell", 0, SEED).addressNumber())
                .isEqualTo(GAZETTEER.addressNumberIn("Sandwell", 0));
        assertThatThrownBy(() -> GAZETTEER.addressIn("Gotham", 0, SEED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tipton_and_wednesbury_are_in_sandwell_and_solihull_owns_b90_to_b94() {
        Map<String, Set<String>> authorities = new HashMap<>();
        GAZETTEER.districts().forEach(d -> authorities.computeIfAbsent(d.outward(), o -> new HashSet<>()).add(d.localAuthority()));
        assertThat(authorities.get("DY4")).containsExactly("Sandwell");
        assertThat(authorities.get("WS10")).contains("Sandwell");
        for (String o : new String[] {"B90", "B91", "B92", "B93", "B94"}) {
            assertThat(authorities.get(o)).containsExactly("Solihull");
        }
        assertThat(authorities.get("B66")).containsExactly("Sandwell");
        assertThat(authorities.get("CV1")).containsExactly("Coventry");
    }

    @Test
    void some_addresses_are_flats_in_converted_houses_or_tower_blocks() {
        int converted = 0;
        int tower = 0;
        int n = 300_000;
        for (long i = 0; i < n; i++) {
            Address a = GAZETTEER.address(i, SEED);
            if (a.buildingName().isPresent()) {
                tower++;
                assertThat(a.singleLine()).startsWith("Flat ").contains(a.buildingName().get());
            } else if (a.subBuilding().isPresent()) {
                converted++;
                assertThat(a.singleLine()).matches("^Flat [0-9], [0-9]+ .*");
            }
        }
        assertThat(tower / (double) n).isCloseTo(Gazetteer.TOWER_BLOCK_RATE, within(0.01));
        assertThat(converted / (double) n).isBetween(0.03, 0.20);
    }

    @Test
    void the_single_line_form_lists_the_parts_in_postal_order() {
        Address a = new Address(1, 100_000_000_001L, Optional.of("Flat 3"), Optional.empty(),
                OptionalInt.of(12), "Oak Road", "Erdington", "Birmingham", "Birmingham", "B23 6TH");
        assertThat(a.singleLine()).isEqualTo("Flat 3, 12 Oak Road, Erdington, Birmingham, B23 6TH");
        assertThat(a.outwardCode()).isEqualTo("B23");
    }

    @Test
    void road_street_and_close_are_the_commonest_street_types() {
        Map<String, Integer> types = new HashMap<>();
        for (long s = 0; s < 20_000; s++) {
            String street = GAZETTEER.address(s * 30, SEED).street();
            types.merge(street.substring(street.lastIndexOf(' ') + 1), 1, Integer::sum);
        }
        assertThat(types.get("Road")).isGreaterThan(types.get("Mews") * 5);
        assertThat(types.get("Road")).isGreaterThan(types.get("Court"));
    }
}
