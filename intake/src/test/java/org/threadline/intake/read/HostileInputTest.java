package org.threadline.intake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to hurt: zip bombs, enormous cells and rows. Each is refused or quarantined with a clear reason. */
class HostileInputTest {
    @TempDir
    Path dir;

    private final List<RawRow> rows = new ArrayList<>();

    @Test
    void a_workbook_whose_sheet_inflates_a_thousandfold_is_refused_as_a_zip_bomb_naming_the_file() throws Exception {
        Path bomb = padSheet(workbook("bomb-source.xlsx"), "bomb.xlsx", 20 << 20);

        assertThatThrownBy(() -> new XlsxFileReader().read(bomb, null, rows::add))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("bomb.xlsx was refused: a part of the workbook inflates more than 100 times")
                .hasMessageContaining("zip bomb");
        assertThat(rows).isEmpty();
    }

    @Test
    void a_workbook_part_larger_than_the_entry_limit_is_refused_even_when_its_ratio_is_allowed() throws Exception {
        Path big = padSheet(workbook("big-source.xlsx"), "big.xlsx", 2 << 20);
        XlsxFileReader reader = new XlsxFileReader(new XlsxFileReader.Limits(0.0, 1 << 20), RowLimits.DEFAULT);

        assertThatThrownBy(() -> reader.read(big, null, rows::add))
                .hasMessageStartingWith("big.xlsx was refused").hasMessageContaining("1,048,576 bytes");
    }

    @Test
    void the_same_workbook_without_padding_reads_normally() throws Exception {
        new XlsxFileReader().read(workbook("plain.xlsx"), null, rows::add);

        assertThat(rows).extracting(RawRow::cells).containsExactly(List.of("A1", "SMITH"));
    }

    @Test
    void a_workbook_cell_past_the_cell_limit_quarantines_its_row_with_the_cell_named() throws Exception {
        new XlsxFileReader(XlsxFileReader.Limits.DEFAULT, new RowLimits(3, 100)).read(workbook("limits.xlsx"), null,
                rows::add);

        assertThat(rows).singleElement().extracting(RawRow::problem)
                .isEqualTo("cell 2 (SURNAME) holds 5 characters, more than the 3 a cell may hold");
    }

    @Test
    void a_csv_cell_longer_than_excel_allows_quarantines_its_row_and_the_next_row_still_loads() throws Exception {
        Path file = dir.resolve("huge-cell.csv");
        Files.writeString(file, "REF,NOTES\nA1,\"" + "x".repeat(40_000) + "\"\nA2,fine\n");

        new CsvFileReader().read(file, rows::add);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).problem())
                .isEqualTo("cell 2 (NOTES) holds 40,000 characters, more than the 32,767 a cell may hold");
        assertThat(rows.get(1).usable()).isTrue();
    }

    @Test
    void a_csv_row_of_many_cells_past_the_row_limit_is_quarantined() throws Exception {
        Path file = dir.resolve("wide.csv");
        String cell = "y".repeat(30_000);
        StringBuilder header = new StringBuilder("C0");
        StringBuilder row = new StringBuilder(cell);
        for (int i = 1; i < 40; i++) {
            header.append(",C").append(i);
            row.append(',').append(cell);
        }
        Files.writeString(file, header + "\n" + row + "\n");

        new CsvFileReader().read(file, rows::add);

        assertThat(rows).singleElement().extracting(RawRow::problem)
                .isEqualTo("the row holds 1,200,000 characters, more than the 1,048,576 a row may hold");
    }

    @Test
    void a_csv_row_of_more_than_sixteen_million_characters_refuses_the_file_before_it_fills_memory()
            throws Exception {
        Path file = dir.resolve("endless.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("REF,NOTES\nA1,ok\nA2,\"");  // a quote never closed
            char[] chunk = new char[1 << 16];
            java.util.Arrays.fill(chunk, 'z');
            for (int i = 0; i < 17 * 16; i++) {
                w.write(chunk);
            }
        }

        assertThatThrownBy(() -> new CsvFileReader().read(file, rows::add))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("endless.csv")
                .hasMessageContaining("the row after row 2 is longer than 16,777,216 characters; the file is refused");
    }

    /** A small real workbook: header REF, SURNAME and one row. */
    private Path workbook(String name) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("People");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("REF");
            h.createCell(1).setCellValue("SURNAME");
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("A1");
            r.createCell(1).setCellValue("SMITH");
            wb.write(out);
        }
        return file;
    }

    /** The workbook again with {@code spaces} blanks inside its sheet's XML: valid, and it deflates about 1000:1. */
    private Path padSheet(Path source, String name, int spaces) throws IOException {
        Path file = dir.resolve(name);
        try (ZipFile in = new ZipFile(source.toFile()); ZipOutputStream out = new ZipOutputStream(
                Files.newOutputStream(file))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    byte[] bytes = data.readAllBytes();
                    if (e.getName().startsWith("xl/worksheets/")) {
                        String xml = new String(bytes, StandardCharsets.UTF_8);
                        int at = xml.indexOf("</sheetData>");
                        xml = xml.substring(0, at) + " ".repeat(spaces) + xml.substring(at);
                        bytes = xml.getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        return file;
    }
}
