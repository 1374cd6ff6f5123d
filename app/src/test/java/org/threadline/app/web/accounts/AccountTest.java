package org.threadline.app.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountTest {

    @Test
    void usernames_are_short_lower_case_words_as_the_table_checks() {
        assertThat(new Account("police.safeguarding", "A", Agency.POLICE, Set.of(Role.ANALYST)).username())
                .isEqualTo("police.safeguarding");
        for (String bad : new String[] {"ab", "Upper", "has space", ".dot-first", "x".repeat(65), "semi;colon"}) {
            assertThatThrownBy(() -> new Account(bad, "A", Agency.POLICE, Set.of(Role.ANALYST))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void an_account_needs_a_role_and_a_name() {
        assertThatThrownBy(() -> new Account("someone", "A", Agency.POLICE, Set.of()))
                .hasMessageContaining("at least one role");
        assertThatThrownBy(() -> new Account("someone", " ", Agency.POLICE, Set.of(Role.ANALYST)))
                .hasMessageContaining("displayName");
    }

    @Test
    void the_demo_accounts_cover_several_agencies_and_every_role() {
        assertThat(DemoAccounts.ACCOUNTS.stream().map(Account::agency).distinct().count()).isGreaterThanOrEqualTo(5);
        assertThat(DemoAccounts.ACCOUNTS.stream().flatMap(a -> a.roles().stream()).distinct())
                .containsExactlyInAnyOrder(Role.values());
        assertThat(DemoAccounts.ACCOUNTS).allMatch(a -> a.displayName().endsWith("(demo)"));
    }
}
