package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ThreadlineCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void serve_is_listed_with_its_options() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve");
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--port", "--address", "--demo-accounts", "THREADLINE_DB_URL");
    }

    @Test
    void an_impossible_port_is_a_usage_error() {
        assertThat(run("serve", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535");
    }

    @Test
    void web_settings_come_from_the_documented_environment_variables() {
        assertThat(ServeCommand.settings(java.util.Map.of("THREADLINE_WEB_MAX_FAILED_SIGN_INS", "4",
                "THREADLINE_WEB_LOCKOUT", "20m", "THREADLINE_WEB_IDLE_TIMEOUT", "PT1H")))
                .containsEntry("threadline.web.max-failed-sign-ins", 4)
                .containsEntry("threadline.web.lockout", "PT20M")
                .containsEntry("threadline.web.idle-timeout", "PT1H");
        assertThat(ServeCommand.settings(java.util.Map.of())).isEmpty();
    }

    @Test
    void a_bad_oidc_setting_found_deep_in_a_failed_start_is_shown_on_its_own() {
        RuntimeException failed = new RuntimeException("Error creating bean with name 'oidcSettings'",
                new IllegalStateException("Failed to bind properties", new IllegalArgumentException(
                        "The OIDC settings have 1 problem:\n  - threadline.oidc.api.audience is missing")));
        assertThat(ServeCommand.settingsProblem(failed)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("The OIDC settings").contains("threadline.oidc.api.audience is missing"));
        assertThat(ServeCommand.settingsProblem(new RuntimeException("disk full", new IllegalStateException("x"))))
                .isEmpty();
    }

    @Test
    void a_bad_web_setting_is_a_usage_error_naming_the_variable() {
        for (String[] bad : new String[][] {{"THREADLINE_WEB_MAX_FAILED_SIGN_INS", "0"},
            {"THREADLINE_WEB_MAX_FAILED_SIGN_INS", "five"}, {"THREADLINE_WEB_LOCKOUT", "soon"},
            {"THREADLINE_WEB_IDLE_TIMEOUT", "0m"}}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServeCommand.settings(
                    java.util.Map.of(bad[0], bad[1]))).as(bad[0] + "=" + bad[1])
                    .isInstanceOf(UsageException.class).hasMessageContaining(bad[0]);
        }
    }

    @Test
    void the_other_commands_do_not_load_spring(@TempDir Path home) throws Exception {
        // A fresh JVM on the test class path, logging every class it loads: listing the commands (which builds
        // every subcommand, serve included) must not touch Spring, so generate and ingest start as fast as before.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), ThreadlineCommand.class.getName(), "--help"))
                .redirectErrorStream(true);
        builder.environment().put("THREADLINE_HOME", home.toString());
        Process p = builder.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(log).contains("picocli.CommandLine", "org.threadline.app.cli.ServeCommand")
                .doesNotContain("org.springframework", "org.apache.catalina");
    }
}
