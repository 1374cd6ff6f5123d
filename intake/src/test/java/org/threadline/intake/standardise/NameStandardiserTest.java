package org.threadline.intake.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.threadline.domain.names.FamiliarForms;

class NameStandardiserTest {
    private static final NameStandardiser NAMES = new NameStandardiser(FamiliarForms.load());

    @ParameterizedTest(name = "{0} ''{1}'' ''{2}''")
    @CsvFileSource(resources = "names.csv", numLinesToSkip = 1, ignoreLeadingAndTrailingWhitespace = false)
    void names_are_standardised_as_the_table_says(String mode, String first, String second, String forename,
                                                  String middle, String surname, Outcome outcome) {
        StandardisedName n = mode.equals("full") ? NAMES.fromFullName(first) : NAMES.fromParts(first, second);

        assertThat(n.forename()).isEqualTo(nz(forename));
        assertThat(String.join(" ", n.middleNames())).isEqualTo(nz(middle));
        assertThat(n.surname()).isEqualTo(nz(surname));
        assertThat(n.outcome()).isEqualTo(outcome);
    }

    @Test
    void a_familiar_forename_leads_to_its_formal_forms() {
        List<String> formal = NAMES.formalFormsOf("Sue");

        assertThat(formal).contains("SUSAN");
    }

    @Test
    void the_raw_value_is_kept() {
        assertThat(NAMES.fromParts("Łukasz", "Wiśniewski").raw()).isEqualTo("Łukasz | Wiśniewski");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
