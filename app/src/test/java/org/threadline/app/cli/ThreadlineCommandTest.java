package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadlineCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return ThreadlineCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void help_lists_every_subcommand_and_exits_zero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo", "generate", "Exit codes");
    }

    @Test
    void no_command_is_a_usage_error() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Name a command", "--help");
    }

    @Test
    void an_unknown_option_is_a_usage_error_naming_the_option() {
        assertThat(run("generate", "--out", dir.toString(), "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("--bogus").contains("./threadline generate --help");
    }

    @Test
    void an_impossible_population_size_is_a_usage_error_without_a_stack_trace() {
        assertThat(run("generate", "--out", dir.toString(), "--people", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--people must be at least 1").doesNotContain("at org.");
    }

    @Test
    void a_bad_error_rate_is_a_usage_error_listing_the_known_kinds() {
        assertThat(run("generate", "--out", dir.toString(), "--error-rate", "nonsense=0.1")).isEqualTo(2);
        assertThat(err.toString()).contains("name-typo");
    }

    @Test
    void a_failure_exits_one_with_a_readable_message_and_the_trace_only_when_verbose() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThat(run("generate", "--out", file.resolve("sub").toString(), "--people", "10")).isEqualTo(1);
        assertThat(err.toString()).contains("not-a-folder").contains("--verbose").doesNotContain("\tat ");

        err.getBuffer().setLength(0);
        assertThat(run("--verbose", "generate", "--out", file.resolve("sub").toString(), "--people", "10"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void generate_writes_extracts_truth_and_a_manifest_and_says_where() {
        assertThat(run("generate", "--people", "300", "--seed", "3", "--out", dir.toString())).isZero();
        assertThat(dir.resolve("manifest.csv")).exists();
        assertThat(dir.resolve("extracts/police/incident_persons.csv")).exists();
        assertThat(dir.resolve("truth/records.csv")).exists();
        assertThat(out.toString()).contains("Generated 300 people", dir.toString(), "police", "truth");
    }
}
