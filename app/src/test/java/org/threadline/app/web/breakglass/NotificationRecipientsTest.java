package org.threadline.app.web.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.access.AgreementMapping;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.breakglass.NotificationRecipients.Detail;
import org.threadline.store.governance.BreakGlassStore.Addressee;

/** Who holds the roles a break-glass rule names, read from the shipped file and checked with every error at once. */
class NotificationRecipientsTest {
    static final AgreementMapping MAPPING = AgreementMapping.load();
    static final NotificationRecipients SHIPPED = NotificationRecipients.read(
            org.threadline.app.web.access.AccessConfiguration.root().resolve(NotificationRecipients.FILE));

    static Account account(String name, Agency agency, Role role) {
        return new Account(name, name, agency, Set.of(role));
    }

    static JsonNode yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(text);
    }

    @Test
    void the_line_manager_of_an_out_of_hours_social_worker_is_a_childrens_safeguarding_officer_at_social_care() {
        Addressee manager = SHIPPED.addressee(account("m.one", Agency.CHILDRENS_SOCIAL_CARE,
                Role.SAFEGUARDING_OFFICER), MAPPING);
        assertThat(manager.rolesAtParties()).contains("lineManager@social-care", "safeguardingLead@social-care");
        assertThat(manager.rolesAtEveryParty()).isEmpty();
        Addressee adults = SHIPPED.addressee(account("m.two", Agency.HOUSING, Role.SAFEGUARDING_OFFICER), MAPPING);
        assertThat(adults.rolesAtParties()).contains("safeguardingLead@housing").doesNotContain(
                "lineManager@housing");
    }

    @Test
    void the_demo_dpo_holds_the_dpo_role_at_every_party_and_a_social_worker_holds_nothing() {
        assertThat(SHIPPED.addressee(account("d.one", Agency.LOCAL_AUTHORITY, Role.DATA_PROTECTION_OFFICER), MAPPING)
                .rolesAtEveryParty()).containsExactly("dpo");
        assertThat(SHIPPED.addressee(account("s.one", Agency.CHILDRENS_SOCIAL_CARE, Role.SOCIAL_WORKER), MAPPING)
                .none()).isTrue();
    }

    @Test
    void a_notification_is_deliverable_only_where_an_account_holds_the_role_at_that_party() {
        List<Account> accounts = List.of(account("p.one", Agency.POLICE, Role.SAFEGUARDING_OFFICER));
        assertThat(SHIPPED.deliverable("safeguardingLead", "police", accounts, MAPPING)).isTrue();
        assertThat(SHIPPED.deliverable("safeguardingLead", "health", accounts, MAPPING)).isFalse();
        assertThat(SHIPPED.deliverable("caldicottGuardian", "police", accounts, MAPPING))
                .as("a role the file does not name").isFalse();
        assertThat(SHIPPED.deliverable("safeguardingLead", "*", accounts, MAPPING)).isTrue();
    }

    @Test
    void what_each_role_sees_beyond_the_facts_is_the_files_choice() {
        assertThat(SHIPPED.sees("dpo")).containsExactlyInAnyOrder(Detail.SUBJECT, Detail.CASE_REFERENCE,
                Detail.REASON);
        assertThat(SHIPPED.sees("lineManager")).containsExactlyInAnyOrder(Detail.SUBJECT, Detail.REASON);
        assertThat(SHIPPED.sees("safeguardingLead")).isEmpty();
        assertThat(SHIPPED.sees("unknown")).isEmpty();
    }

    @Test
    void every_error_of_the_file_is_reported_at_once_with_its_path() throws Exception {
        JsonNode bad = yaml("""
                version: 0
                colour: blue
                roles:
                  dpo:
                    holders:
                      - {role: CHIEF, agencies: [MARS], atEveryParty: maybe}
                    sees: [subject, shoeSize]
                  lineManager:
                    holders: []
                  nobody: 3
                """);
        assertThatThrownBy(() -> NotificationRecipients.parse(bad, "bad.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bad.yaml has errors")
                .hasMessageContaining("colour: not a known field")
                .hasMessageContaining("id: missing")
                .hasMessageContaining("version: must be a whole number of at least 1")
                .hasMessageContaining("roles.dpo.holders[0].role: 'CHIEF' is no web role")
                .hasMessageContaining("roles.dpo.holders[0].agencies[0]: 'MARS' is no agency")
                .hasMessageContaining("roles.dpo.holders[0].atEveryParty: must be true or false")
                .hasMessageContaining("roles.dpo.sees[1]: 'shoeSize' is not subject, caseReference or reason")
                .hasMessageContaining("roles.lineManager.holders: must list at least one holder")
                .hasMessageContaining("roles.nobody: must be a mapping");
    }

    @Test
    void a_file_without_roles_is_refused() throws Exception {
        assertThatThrownBy(() -> NotificationRecipients.parse(yaml("id: x\nversion: 1\n"), "empty.yaml"))
                .hasMessageContaining("roles: must name at least one role");
    }
}
