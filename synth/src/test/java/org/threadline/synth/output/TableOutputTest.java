package org.threadline.synth.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableOutputTest {

    @TempDir
    Path dir;

    @Test
    void writing_to_both_formats_at_once_yields_both_files_with_the_same_rows() throws IOException {
        TableOutput output = TableOutput.of(EnumSet.allOf(OutputFormat.class), Extracts.EXTRACT_TIME);
        Path base = dir.resolve("sandwell/referrals");

        try (TableWriter writer = output.open(base, Extracts.referrals())) {
            for (int i = 0; i < 50; i++) {
                writer.row(Extracts.referral(i));
            }
            assertThat(writer.rows()).isEqualTo(50);
        }

        String csv = Files.readString(dir.resolve("sandwell/referrals.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Child ID,Surname,DOB,Referral received,Siblings,Score\r\n");
        assertThat(csv.lines()).hasSize(51);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(dir.resolve("sandwell/referrals.xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(50);
            DataFormatter formatter = new DataFormatter();
            String[] expected = Extracts.referral(49);
            for (int c = 0; c < expected.length; c++) {
                assertThat(formatter.formatCellValue(sheet.getRow(50).getCell(c))).isEqualTo(expected[c]);
            }
        }
    }

    @Test
    void closing_a_writer_twice_changes_nothing() throws IOException {
        TableOutput output = TableOutput.of(EnumSet.allOf(OutputFormat.class), Extracts.EXTRACT_TIME);
        TableWriter writer = output.open(dir.resolve("twice"), Extracts.referrals());
        writer.row(Extracts.referral(1));
        writer.close();
        String xlsx = Extracts.sha256(dir.resolve("twice.xlsx"));
        String csv = Extracts.sha256(dir.resolve("twice.csv"));

        writer.close();

        assertThat(Extracts.sha256(dir.resolve("twice.xlsx"))).isEqualTo(xlsx);
        assertThat(Extracts.sha256(dir.resolve("twice.csv"))).isEqualTo(csv);
    }

    @Test
    void one_format_writes_one_file() throws IOException {
        TableOutput output = TableOutput.of(Set.of(OutputFormat.CSV), Extracts.EXTRACT_TIME);

        try (TableWriter writer = output.open(dir.resolve("only"), Extracts.referrals())) {
            writer.row(Extracts.referral(1));
        }

        assertThat(dir.resolve("only.csv")).exists();
        assertThat(dir.resolve("only.xlsx")).doesNotExist();
    }

    @Test
    void the_file_name_is_the_base_path_plus_the_extension() {
        assertThat(TableOutput.fileFor(Path.of("out", "dudley.v2", "cases"), OutputFormat.XLSX))
                .isEqualTo(Path.of("out", "dudley.v2", "cases.xlsx"));
    }

    @Test
    void at_least_one_format_is_needed() {
        assertThatThrownBy(() -> TableOutput.of(Set.of(), Extracts.EXTRACT_TIME))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_timestamp_a_zip_cannot_hold_is_rejected_before_anything_is_written() {
        assertThatThrownBy(() -> TableOutput.of(Set.of(OutputFormat.XLSX), Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1980");
    }
}
