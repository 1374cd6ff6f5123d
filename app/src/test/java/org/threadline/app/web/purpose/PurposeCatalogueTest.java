package org.threadline.app.web.purpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Role;

class PurposeCatalogueTest {

    @Test
    void the_shipped_list_loads_and_every_role_may_declare_at_least_one_purpose() {
        PurposeCatalogue catalogue = PurposeCatalogue.load();
        assertThat(catalogue.id()).isEqualTo("threadline-web-purposes");
        assertThat(catalogue.version()).isPositive();
        for (Role role : Role.values()) {
            assertThat(catalogue.allowedFor(Set.of(role))).as(role.name()).isNotEmpty();
        }
    }

    @Test
    void every_safeguarding_purpose_needs_a_case_reference_but_encompass_and_evaluation_do_not() {
        PurposeCatalogue catalogue = PurposeCatalogue.load();
        // Operation Encompass: the police notification is the reason, and the children's agreement asks for no case.
        assertThat(catalogue.purposes()).filteredOn(p -> p.code().startsWith("SAFEGUARDING."))
                .filteredOn(p -> !p.code().equals("SAFEGUARDING.CHILD.ENCOMPASS"))
                .isNotEmpty().allMatch(Purpose::caseReferenceRequired);
        assertThat(catalogue.find("SAFEGUARDING.CHILD.ENCOMPASS")).get().matches(p -> !p.caseReferenceRequired());
        assertThat(catalogue.find("SERVICE_EVALUATION.PSEUDONYMISED")).get()
                .matches(p -> !p.caseReferenceRequired());
    }

    @Test
    void an_analyst_is_offered_only_the_analysts_purposes() {
        assertThat(PurposeCatalogue.load().allowedFor(EnumSet.of(Role.ANALYST))).extracting(Purpose::code)
                .containsExactly("SERVICE_EVALUATION.PSEUDONYMISED", "DATA_QUALITY.PARTNER_FEED");
    }

    @Test
    void a_broken_list_reports_every_error_with_its_path_at_once() throws Exception {
        String yaml = """
                id: broken
                version: 0
                purposes:
                  - code: lower.case
                    label: A
                    hint: B
                    caseReferenceRequired: true
                    roles: [ANALYST, WIZARD]
                  - code: SAME
                    label: ""
                    hint: B
                    caseReferenceRequired: maybe
                    roles: []
                  - code: SAME
                    label: C
                    hint: D
                    caseReferenceRequired: false
                    roles: [DPO]
                """;
        assertThatThrownBy(() -> PurposeCatalogue.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), "t.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t.yaml has 8 error(s)")
                .hasMessageContaining("version: must be a whole number")
                .hasMessageContaining("purposes[0].code: 'lower.case' is not an upper-case dotted code")
                .hasMessageContaining("purposes[0].roles[1]: unknown role 'WIZARD'")
                .hasMessageContaining("purposes[1].label: must be a non-empty string")
                .hasMessageContaining("purposes[1].caseReferenceRequired: must be true or false")
                .hasMessageContaining("purposes[1].roles: must list at least one role")
                .hasMessageContaining("purposes[2].code: 'SAME' is listed twice")
                .hasMessageContaining("purposes[2].roles[0]: unknown role 'DPO'");
    }
}
