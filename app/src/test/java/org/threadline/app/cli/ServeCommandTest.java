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
