package org.threadline.synth.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {

    private static final TableOutput CSV = TableOutput.of(Set.of(OutputFormat.CSV), Extracts.EXTRACT_TIME);

    @TempDir
    Path dir;

    private TableSpec names(CsvDialect dialect) {
        return new TableSpec("names", List.of(ColumnSpec.text("Name")), dialect, XlsxOptions.sheet("Names"));
    }

    private byte[] write(TableSpec spec, String... values) throws IOException {
        Path base = dir.resolve("names");
        try (TableWriter writer = CSV.open(base, spec)) {
            for (String value : values) {
                writer.row(value);
            }
        }
        return Files.readAllBytes(TableOutput.fileFor(base, OutputFormat.CSV));
    }

    @Test
    void a_utf8_bom_is_the_first_three_bytes_when_asked_for() throws IOException {
        byte[] bytes = write(names(CsvDialect.rfc4180().withBom(true)), "é");

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("efbbbf" + "4e616d65" + "0d0a" + "c3a9" + "0d0a");
    }

    @Test
    void no_bom_is_written_by_default() throws IOException {
        assertThat(write(names(CsvDialect.rfc4180()), "x")).startsWith('N');
    }

    @Test
    void windows_1252_writes_single_bytes_for_accents_and_the_euro_sign() throws IOException {
        byte[] bytes = write(names(CsvDialect.rfc4180().withCharset(CsvDialect.WINDOWS_1252)), "Zoé €5 Łódź");

        // é = E9, € = 80, Ł → L, ó = F3, d, ź → z
        assertThat(HexFormat.of().formatHex(bytes))
                .isEqualTo("4e616d65" + "0d0a" + "5a6fe920" + "803520" + "4cf3647a" + "0d0a");
    }

    @Test
    void a_bom_cannot_be_asked_for_in_windows_1252() {
        assertThatThrownBy(() -> CsvDialect.rfc4180().withCharset(CsvDialect.WINDOWS_1252).withBom(true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void a_double_quote_cannot_be_the_delimiter() {
        assertThatThrownBy(() -> CsvDialect.rfc4180().withDelimiter('"'))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_rows_written_twice_give_identical_bytes() throws IOException {
        TableSpec spec = Extracts.referrals(CsvDialect.rfc4180().withCharset(CsvDialect.WINDOWS_1252),
                XlsxOptions.sheet("Referrals"));
        String first = writeReferrals(spec, "first");
        String second = writeReferrals(spec, "second");

        assertThat(first).isEqualTo(second);
    }

    private String writeReferrals(TableSpec spec, String name) throws IOException {
        Path base = dir.resolve(name);
        try (TableWriter writer = CSV.open(base, spec)) {
            for (int i = 0; i < 20_000; i++) {
                writer.row(Extracts.referral(i));
            }
        }
        return Extracts.sha256(TableOutput.fileFor(base, OutputFormat.CSV));
    }

    @Test
    void a_field_longer_than_the_buffer_is_written_whole() throws IOException {
        String longValue = "a\"b,".repeat(50_000);

        byte[] bytes = write(names(CsvDialect.rfc4180()), longValue, "next");

        String expected = "Name\r\n\"" + longValue.replace("\"", "\"\"") + "\"\r\nnext\r\n";
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void rows_counts_data_rows_but_not_the_header() throws IOException {
        try (TableWriter writer = CSV.open(dir.resolve("count"), names(CsvDialect.rfc4180()))) {
            writer.row("a");
            writer.row((String) null);

            assertThat(writer.rows()).isEqualTo(2);
        }
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_is_rejected() throws IOException {
        try (TableWriter writer = CSV.open(dir.resolve("wide"), names(CsvDialect.rfc4180()))) {
            assertThatThrownBy(() -> writer.row("a", "b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 columns but a row has 2 cells");
        }
    }

    @Test
    void a_table_with_no_rows_still_has_its_header() throws IOException {
        assertThat(new String(write(names(CsvDialect.rfc4180())), StandardCharsets.UTF_8)).isEqualTo("Name\r\n");
    }
}
