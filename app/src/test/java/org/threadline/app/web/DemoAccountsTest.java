package org.threadline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.web.accounts.AccountStore;
import org.threadline.app.web.accounts.DemoAccounts;

/** The demo's accounts on the real app: every printed login works, and a new run replaces every password. */
class DemoAccountsTest {

    @Test
    void every_demo_login_signs_in_and_a_reset_gives_new_passwords_that_replace_the_old(@TempDir Path folder) {
        try (TestApp app = TestApp.start(folder.resolve("db"))) {
            DemoAccounts demo = app.bean(DemoAccounts.class);
            List<DemoAccounts.Login> first = demo.createOrReset();
            assertThat(first).hasSize(DemoAccounts.ACCOUNTS.size());
            assertThat(first.stream().map(DemoAccounts.Login::password).distinct()).hasSize(first.size());
            for (DemoAccounts.Login login : first) {
                assertThat(new WebClient(app).signIn(login.account().username(), login.password()).location())
                        .as(login.account().username()).contains("/purpose");
                assertThat(app.bean(AccountStore.class).find(login.account().username()).orElseThrow()
                        .passwordHash()).as("only a hash is kept").startsWith("{bcrypt}")
                        .doesNotContain(login.password());
            }
            DemoAccounts.Login before = first.get(0);
            List<DemoAccounts.Login> second = demo.createOrReset();
            assertThat(second.get(0).password()).isNotEqualTo(before.password());
            assertThat(new WebClient(app).signIn(before.account().username(), before.password()).location())
                    .as("the old password no longer works").contains("/sign-in");
            assertThat(new WebClient(app).signIn(before.account().username(), second.get(0).password())
                    .location()).contains("/purpose");
        }
    }
}
