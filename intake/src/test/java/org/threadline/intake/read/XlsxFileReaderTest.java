package org.threadline.intake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxFileReaderTest {
    @TempDir
    Path dir;

    private final List<RawRow> rows = new ArrayList<>();

    @Test
    void title_lines_above_the_header_are_skipped_and_dates_come_out_as_iso_text() throws IOException {
        Path file = workbook("Referrals", wb -> {
            Sheet s = wb.createSheet("Referrals");
            s.createRow(0).createCell(0).setCellValue("Sandwell Children's Services - extract 31/03/2026");
            Row h = s.createRow(2);
            String[] header = {"CHILD", "DOB", "REFERRED", "COUNT", "NOTE"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle stamp = wb.createCellStyle();
            stamp.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            Row r = s.createRow(3);
            r.createCell(0).setCellValue("SAN0001");
            r.createCell(1).setCellValue(LocalDate.of(2012, 3, 4));
            r.getCell(1).setCellStyle(date);
            r.createCell(2).setCellValue(LocalDateTime.of(2024, 1, 2, 9, 5));
            r.getCell(2).setCellStyle(stamp);
            r.createCell(3).setCellValue(3);
            r.createCell(4).setCellValue("=SUM(A1:A9)");
            Row text = s.createRow(4);
            text.createCell(0).setCellValue("SAN0002");
            text.createCell(1).setCellValue("31/02/2019");
        });

        XlsxFileReader.Layout layout = new XlsxFileReader().read(file, null, rows::add);

        assertThat(layout.header()).containsExactly("CHILD", "DOB", "REFERRED", "COUNT", "NOTE");
        assertThat(layout.headerRow()).isEqualTo(3);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsExactly("SAN0001", "2012-03-04", "2024-01-02T09:05", "3",
                "=SUM(A1:A9)");
        assertThat(rows.get(0).row()).isEqualTo(4);
        assertThat(rows.get(1).cells()).containsExactly("SAN0002", "31/02/2019", "", "", "");
    }

    @Test
    void a_named_sheet_is_read_and_a_missing_one_is_refused_listing_the_sheets() throws IOException {
        Path file = workbook("two", wb -> {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("nothing here");
            Sheet data = wb.createSheet("Data");
            data.createRow(0).createCell(0).setCellValue("ID");
            data.getRow(0).createCell(1).setCellValue("NAME");
            data.createRow(1).createCell(0).setCellValue("1");
            data.getRow(1).createCell(1).setCellValue("Ann");
        });

        new XlsxFileReader().read(file, "Data", rows::add);
        assertThat(rows.get(0).cells()).containsExactly("1", "Ann");

        assertThatThrownBy(() -> new XlsxFileReader().read(file, "Missing", rows::add))
                .isInstanceOf(IOException.class).hasMessageContaining("Notes").hasMessageContaining("Data");
    }

    @Test
    void a_row_with_values_beyond_the_header_is_kept_with_its_problem() throws IOException {
        Path file = workbook("wide", wb -> {
            Sheet s = wb.createSheet("S");
            s.createRow(0).createCell(0).setCellValue("A");
            s.getRow(0).createCell(1).setCellValue("B");
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("1");
            r.createCell(3).setCellValue("stray");
        });

        new XlsxFileReader().read(file, null, rows::add);

        assertThat(rows.get(0).usable()).isFalse();
        assertThat(rows.get(0).problem()).contains("beyond the header");
        assertThat(rows.get(0).cells()).contains("stray");
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused_with_its_name() throws IOException {
        Path file = Files.writeString(dir.resolve("fake.xlsx"), "not a zip");

        assertThatThrownBy(() -> new XlsxFileReader().read(file, null, rows::add))
                .isInstanceOf(IOException.class).hasMessageContaining("fake.xlsx");
    }

    private interface Filler {
        void fill(XSSFWorkbook wb);
    }

    private Path workbook(String name, Filler filler) throws IOException {
        Path file = dir.resolve(name + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            filler.fill(wb);
            wb.write(out);
        }
        return file;
    }
}
