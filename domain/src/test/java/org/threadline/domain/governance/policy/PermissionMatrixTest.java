package org.threadline.domain.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadline.domain.governance.GovernanceFixtures;

class PermissionMatrixTest {
    private final List<MatrixEntry> matrix = PermissionMatrix.of(GovernanceFixtures.small());

    @Test
    void the_matrix_has_a_cell_for_every_agency_role_purpose_data_item_and_field() {
        // 3 roles (1 police + 2 social care) x 2 purposes x (5 + 3 fields)
        assertThat(matrix).hasSize(3 * 2 * 8);
    }

    @Test
    void a_cell_says_for_which_subjects_a_permitted_field_is_withheld() {
        MatrixEntry phone = cell("social-care", "SOCIAL_WORKER", "SAFEGUARDING.CHILD", "incidents", "PHONE");
        MatrixEntry offence = cell("social-care", "SOCIAL_WORKER", "SAFEGUARDING.CHILD", "incidents", "OFFENCE");
        MatrixEntry date = cell("social-care", "SOCIAL_WORKER", "SAFEGUARDING.CHILD", "incidents", "DATE");

        assertThat(phone.permitted()).isTrue();
        assertThat(phone.withheldFor()).containsExactly("WITNESS");
        assertThat(offence.withheldFor()).containsExactly("UNIVERSAL");
        assertThat(date.withheldFor()).isEmpty();
    }

    @Test
    void a_cell_no_grant_covers_is_not_permitted() {
        assertThat(cell("social-care", "DUTY_MANAGER", "ANALYSIS", "incidents", "DATE").permitted()).isFalse();
        assertThat(cell("police", "PPU_OFFICER", "SAFEGUARDING.CHILD", "referrals", "NEED").permitted()).isFalse();
        assertThat(cell("police", "PPU_OFFICER", "SAFEGUARDING.CHILD", "referrals", "CHILD").permitted()).isTrue();
    }

    private MatrixEntry cell(String agency, String role, String purpose, String item, String field) {
        return matrix.stream().filter(e -> e.key().equals(String.join(" | ", agency, role, purpose, item, field)))
                .findFirst().orElseThrow();
    }
}
