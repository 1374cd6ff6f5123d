package org.threadline.synth.names;

import org.threadline.synth.resources.ResourceCsv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NameResourcesTest {

    /** The codes in shared/domain/codes/dfe_ethnicity_codes.csv. */
    private static final Set<String> DFE_CODES = Set.of("WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS",
            "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    @ParameterizedTest
    @ValueSource(strings = {NameTables.FORENAMES, NameTables.SURNAMES, NameTables.MUHAMMAD_SPELLINGS, HeritageMix.RESOURCE})
    void resource_files_have_no_blank_fields_no_duplicate_rows_and_positive_weights(String resource) {
        ResourceCsv csv = ResourceCsv.load(resource);
        assertThat(csv.rows()).isNotEmpty();
        int keyColumns = resource.equals(NameTables.FORENAMES) ? 3 : resource.equals(HeritageMix.RESOURCE) ? 1 : 2;
        Set<List<String>> keys = new HashSet<>();
        for (List<String> row : csv.rows()) {
            assertThat(row).as(resource + " " + row).allSatisfy(cell -> assertThat(cell).isNotBlank());
            assertThat(keys.add(row.subList(0, keyColumns))).as(resource + " duplicate " + row).isTrue();
            for (String weight : row.subList(keyColumns, row.size())) {
                assertThat(Double.parseDouble(weight)).as(resource + " " + row).isPositive();
            }
        }
    }

    @Test
    void every_heritage_has_forenames_for_both_sexes_and_a_surname_source() {
        Map<String, Long> perList = ResourceCsv.load(NameTables.FORENAMES).rows().stream()
                .collect(Collectors.groupingBy(r -> r.get(0) + "/" + r.get(1), Collectors.counting()));
        Set<String> surnameOwners = ResourceCsv.load(NameTables.SURNAMES).rows().stream().map(r -> r.get(0))
                .collect(Collectors.toSet());
        for (Heritage h : Heritage.values()) {
            for (Heritage source : List.of(h.forenameSource().primary(), h.forenameSource().secondary())) {
                assertThat(perList.get(source + "/FEMALE")).as(source + " female").isGreaterThanOrEqualTo(30);
                assertThat(perList.get(source + "/MALE")).as(source + " male").isGreaterThanOrEqualTo(30);
            }
            Heritage surnames = h.surnameSource().primary();
            assertThat(surnameOwners.contains(surnames.name()) || surnames.patronymicSurname()).as(h.name()).isTrue();
        }
        assertThat(perList.get("WHITE_BRITISH/FEMALE")).isGreaterThanOrEqualTo(150);
        assertThat(perList.get("WHITE_BRITISH/MALE")).isGreaterThanOrEqualTo(150);
    }

    @Test
    void there_are_at_least_300_white_british_surnames_and_sikh_family_names_without_singh_or_kaur() {
        List<List<String>> rows = ResourceCsv.load(NameTables.SURNAMES).rows();
        assertThat(rows.stream().filter(r -> r.get(0).equals("WHITE_BRITISH")).count()).isGreaterThanOrEqualTo(300);
        assertThat(rows.stream().filter(r -> r.get(0).equals("INDIAN_SIKH")).map(r -> r.get(1)))
                .contains("Sandhu", "Gill", "Dhillon").doesNotContain("Singh", "Kaur");
    }

    @Test
    void every_heritage_records_a_dfe_ethnicity_code_and_appears_in_the_local_authority_mix() {
        Set<String> mixed = ResourceCsv.load(HeritageMix.RESOURCE).rows().stream().map(r -> r.get(0))
                .collect(Collectors.toSet());
        for (Heritage h : Heritage.values()) {
            assertThat(DFE_CODES).contains(h.dfeEthnicityCode());
            assertThat(mixed).contains(h.name());
        }
        assertThat(ResourceCsv.load(HeritageMix.RESOURCE).header()).containsAll(Arrays.asList(
                "Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton", "West Midlands"));
    }
}
