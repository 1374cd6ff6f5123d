package org.threadline.synth.places;

import org.threadline.synth.resources.ResourceCsv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceResourcesTest {

    private static final String BASE = "/org/threadline/synth/places/";
    private static final Set<String> AUTHORITIES =
            Set.of("Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton");

    @ParameterizedTest
    @CsvSource({"postcode_districts.csv, 3, 4", "street_stems.csv, 1, -1", "street_types.csv, 1, 1",
        "tower_blocks.csv, 1, -1"})
    void resource_files_have_no_blank_fields_no_duplicate_rows_and_positive_weights(String file, int keyColumns,
                                                                                    int weightColumn) {
        ResourceCsv csv = ResourceCsv.load(BASE + file);
        assertThat(csv.rows()).isNotEmpty();
        Set<List<String>> keys = new HashSet<>();
        for (List<String> row : csv.rows()) {
            assertThat(row).as(file + " " + row).allSatisfy(cell -> assertThat(cell).isNotBlank());
            assertThat(keys.add(row.subList(0, keyColumns))).as(file + " duplicate " + row).isTrue();
            if (weightColumn >= 0) {
                assertThat(Double.parseDouble(row.get(weightColumn))).as(file + " " + row).isPositive();
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"postcode_districts.csv"})
    void districts_are_valid_outward_codes_in_the_seven_boroughs(String file) {
        for (List<String> row : ResourceCsv.load(BASE + file).rows()) {
            assertThat(row.get(0)).matches("^(B|CV|DY|WS|WV)[0-9]{1,2}$");
            assertThat(AUTHORITIES).contains(row.get(3));
        }
    }
}
