package org.threadline.domain.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class FamiliarFormsTest {

    private static final FamiliarForms FORMS = FamiliarForms.load();

    @Test
    void the_project_table_loads_and_covers_at_least_250_rows() {
        assertThat(FORMS.entries()).hasSizeGreaterThanOrEqualTo(250);
    }

    @Test
    void william_is_known_as_bill_will_billy_and_liam() {
        assertThat(FORMS.familiarFormsOf("William")).contains("Bill", "Will", "Billy", "Liam");
    }

    @Test
    void harry_can_stand_for_english_and_punjabi_names() {
        assertThat(FORMS.formalFormsOf("harry")).contains("Henry", "Harold", "Harpreet");
    }

    @Test
    void look_ups_ignore_case_and_surrounding_spaces() {
        assertThat(FORMS.familiarFormsOf(" MARGARET ")).contains("Maggie", "Peggy", "Meg");
        assertThat(FORMS.formalFormsOf("sasha")).containsExactly("Alexander", "Aleksandr", "Alexandra");
    }

    @Test
    void an_unknown_name_has_no_forms() {
        assertThat(FORMS.familiarFormsOf("Zebedee")).isEmpty();
        assertThat(FORMS.formalFormsOf("Zebedee")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1} is {2}: {3}")
    @CsvFileSource(resources = "equivalent-names.csv", numLinesToSkip = 1, encoding = "UTF-8")
    void names_are_equivalent_as_the_table_says(String a, String b, boolean equivalent) {
        assertThat(FORMS.areEquivalent(a, b)).isEqualTo(equivalent);
        assertThat(FORMS.areEquivalent(b, a)).as("symmetric").isEqualTo(equivalent);
    }

    @Test
    void the_file_has_no_duplicate_rows_or_blank_fields() throws IOException {
        List<String> lines;
        try (InputStream in = FamiliarForms.class.getResourceAsStream(FamiliarForms.RESOURCE)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertThat(fields).as(line).hasSize(3).allSatisfy(f -> assertThat(f).isNotBlank());
            assertThat(seen.add(line.toLowerCase(Locale.ROOT))).as("duplicate: " + line).isTrue();
        }
    }

    @Test
    void every_problem_in_a_broken_table_is_reported_at_once_with_its_line_number() {
        InputStream in = getClass().getResourceAsStream("broken-familiar-forms.csv");

        FamiliarFormsException e = catchThrowableOfType(FamiliarFormsException.class,
                () -> FamiliarForms.read("broken", new InputStreamReader(in, StandardCharsets.UTF_8)));

        assertThat(e.problems()).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly(
                "line 3", "line 4", "line 5", "line 6", "line 7", "line 9", "line 10", "line 11", "line 12");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("duplicate of line 2"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("sex must be M, F or U"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("Margaret is M here but F"));
        assertThat(e.getMessage()).startsWith("broken has 9 problem(s)");
    }

    @Test
    void a_table_without_the_header_is_rejected() {
        FamiliarFormsException e = catchThrowableOfType(FamiliarFormsException.class,
                () -> FamiliarForms.read("no header", new StringReader("William,Bill,M\n")));

        assertThat(e.problems()).singleElement().asString().startsWith("line 1: expected the header");
    }
}
