package org.threadline.synth.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableWriterTest {

    private static final TableOutput XLSX = TableOutput.of(Set.of(OutputFormat.XLSX), Extracts.EXTRACT_TIME);

    @TempDir
    Path dir;

    private Path write(TableOutput output, TableSpec spec, List<String[]> rows) throws IOException {
        Path base = dir.resolve("referrals");
        try (TableWriter writer = output.open(base, spec)) {
            for (String[] row : rows) {
                writer.row(row);
            }
        }
        return TableOutput.fileFor(base, OutputFormat.XLSX);
    }

    private static List<String[]> referrals(int count) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Extracts.referral(i));
        }
        return rows;
    }

    private static XSSFWorkbook read(Path file) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            texts.add(formatter.formatCellValue(row.getCell(i)));
        }
        return texts;
    }

    @Test
    void the_header_and_values_read_back_as_written() throws IOException {
        Path file = write(XLSX, Extracts.referrals(CsvDialect.rfc4180(),
                XlsxOptions.sheet("Referrals").withExcelDates(false)), referrals(3));

        try (XSSFWorkbook workbook = read(file)) {
            Sheet sheet = workbook.getSheet("Referrals");
            assertThat(texts(sheet.getRow(0)))
                    .containsExactly("Child ID", "Surname", "DOB", "Referral received", "Siblings", "Score");
            assertThat(texts(sheet.getRow(1))).containsExactly(Extracts.referral(0));
            assertThat(texts(sheet.getRow(3))).containsExactly(Extracts.referral(2));
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void dates_are_stored_as_excel_dates_with_the_agency_format_when_asked() throws IOException {
        String[] row = {"C1", "Smith", "07/03/2015", "31/03/2026 09:05", "2", "12.50"};

        try (XSSFWorkbook workbook = read(write(XLSX, Extracts.referrals(), List.<String[]>of(row)))) {
            Row read = workbook.getSheetAt(0).getRow(1);
            Cell dob = read.getCell(2);
            Cell received = read.getCell(3);
            assertThat(dob.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(dob)).isTrue();
            assertThat(dob.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2015, 3, 7, 0, 0));
            assertThat(dob.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
            assertThat(received.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 3, 31, 9, 5));
            assertThat(received.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
            assertThat(texts(read)).containsExactly(row);
        }
    }

    @Test
    void dates_are_stored_as_text_when_asked() throws IOException {
        String[] row = {"C1", "Smith", "07/03/2015", "31/03/2026 09:05", "2", "12.5"};
        TableSpec spec = Extracts.referrals(CsvDialect.rfc4180(), XlsxOptions.sheet("Referrals").withExcelDates(false));

        try (XSSFWorkbook workbook = read(write(XLSX, spec, List.<String[]>of(row)))) {
            Row read = workbook.getSheetAt(0).getRow(1);
            assertThat(read.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(read.getCell(2).getStringCellValue()).isEqualTo("07/03/2015");
            assertThat(read.getCell(3).getStringCellValue()).isEqualTo("31/03/2026 09:05");
            assertThat(read.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void dates_that_do_not_parse_or_that_excel_cannot_hold_are_stored_as_text() throws IOException {
        List<String[]> rows = Stream.of("31/02/2019", "1/1/1900", "1900-01-01", "31/12/1899", "unknown")
                .map(dob -> new String[] {"C1", "Smith", dob, "31/03/2026 25:00", "1", "1.0"}).toList();

        try (XSSFWorkbook workbook = read(write(XLSX, Extracts.referrals(), rows))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 1; r <= rows.size(); r++) {
                Cell dob = sheet.getRow(r).getCell(2);
                assertThat(dob.getCellType()).as("row %d", r).isEqualTo(CellType.STRING);
                assertThat(dob.getStringCellValue()).isEqualTo(rows.get(r - 1)[2]);
                assertThat(sheet.getRow(r).getCell(3).getStringCellValue()).isEqualTo("31/03/2026 25:00");
            }
        }
    }

    @Test
    void the_first_day_excel_can_hold_is_still_a_date() throws IOException {
        String[] row = {"C1", "Smith", "01/01/1900", "01/01/1900 00:00", "0", "0.0"};

        try (XSSFWorkbook workbook = read(write(XLSX, Extracts.referrals(), List.<String[]>of(row)))) {
            Cell dob = workbook.getSheetAt(0).getRow(1).getCell(2);
            assertThat(dob.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(dob.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0));
        }
    }

    @Test
    void numbers_that_would_change_when_stored_as_numbers_stay_text() throws IOException {
        List<String[]> rows = List.of(
                new String[] {"C1", "S", "", "", "007", "1."},
                new String[] {"C2", "S", "", "", "+3", "-0.00"},
                new String[] {"C3", "S", "", "", "1234567890123456", "1,5"},
                new String[] {"C4", "S", "", "", "-12", "-0.25"});

        try (XSSFWorkbook workbook = read(write(XLSX, Extracts.referrals(), rows))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 1; r <= 3; r++) {
                assertThat(sheet.getRow(r).getCell(4).getCellType()).as("row %d", r).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(r).getCell(5).getCellType()).as("row %d", r).isEqualTo(CellType.STRING);
                assertThat(texts(sheet.getRow(r))).containsExactly(rows.get(r - 1));
            }
            assertThat(sheet.getRow(4).getCell(4).getNumericCellValue()).isEqualTo(-12);
            assertThat(sheet.getRow(4).getCell(5).getNumericCellValue()).isEqualTo(-0.25);
            assertThat(sheet.getRow(1).getCell(2)).as("missing value").isNull();
        }
    }

    @Test
    void text_with_control_characters_and_emoji_still_gives_a_readable_workbook() throws IOException {
        String[] row = {"C1", "bell\u0007 tab\t nl\n 😀 Łódź", "", "", "", ""};

        try (XSSFWorkbook workbook = read(write(XLSX, Extracts.referrals(), List.<String[]>of(row)))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue())
                    .contains("tab\t nl\n 😀 Łódź");
        }
    }

    @Test
    void title_lines_come_above_the_header_row() throws IOException {
        XlsxOptions options = XlsxOptions.sheet("Referrals")
                .withTitleLines("Sandwell Children's Services — extract 31/03/2026", "", "Produced by: MI team");

        try (XSSFWorkbook workbook = read(write(XLSX, Extracts.referrals(CsvDialect.rfc4180(), options),
                referrals(2)))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Sandwell Children's Services — extract 31/03/2026");
            Row blank = sheet.getRow(1);
            assertThat(blank == null || blank.getCell(0) == null).as("blank title line").isTrue();
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Produced by: MI team");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Child ID");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("C100000");
        }
    }

    @Test
    void a_long_table_continues_on_numbered_sheets_that_repeat_the_header() throws IOException {
        XlsxOptions options = XlsxOptions.sheet("Referrals").withTitleLines("Extract");
        TableOutput smallSheets = XLSX.withMaxRowsPerSheet(5); // title + header + 3 data rows

        try (XSSFWorkbook workbook = read(write(smallSheets, Extracts.referrals(CsvDialect.rfc4180(), options),
                referrals(7)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(1)).isEqualTo("Referrals (2)");
            assertThat(workbook.getSheetName(2)).isEqualTo("Referrals (3)");
            List<String> ids = new ArrayList<>();
            for (Sheet sheet : workbook) {
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Extract");
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Child ID");
                for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                    ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
            }
            assertThat(ids).containsExactly("C100000", "C100001", "C100002", "C100003", "C100004", "C100005",
                    "C100006");
        }
    }

    @Test
    void continuation_sheet_names_stay_within_excels_31_characters() {
        assertThat(XlsxTableWriter.sheetName("Children in need census 2025-26", 12))
                .isEqualTo("Children in need census 20 (12)").hasSize(31);
    }

    @Test
    void the_same_rows_written_twice_give_identical_bytes() throws IOException {
        XlsxOptions options = XlsxOptions.sheet("Referrals").withTitleLines("Extract 31/03/2026");
        TableOutput output = XLSX.withMaxRowsPerSheet(3_000);
        List<String[]> rows = referrals(5_000);

        Path first = write(output, Extracts.referrals(CsvDialect.rfc4180(), options), rows);
        Path firstCopy = Files.move(first, dir.resolve("first.xlsx"));
        Path second = write(output, Extracts.referrals(CsvDialect.rfc4180(), options), rows);

        assertThat(Extracts.sha256(second)).isEqualTo(Extracts.sha256(firstCopy));
    }

    @Test
    void every_zip_entry_carries_the_fixed_extract_time_and_no_extra_fields() throws IOException {
        Path file = write(XLSX, Extracts.referrals(), referrals(10));

        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
                assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(LocalDateTime.of(2026, 3, 31, 18, 30));
                assertThat(entry.getExtra()).as(entry.getName()).isNullOrEmpty();
            }
        }
        assertThat(names).first().isEqualTo("[Content_Types].xml");
        assertThat(names).contains("xl/worksheets/sheet1.xml", "docProps/core.xml");
    }

    @Test
    void the_core_properties_carry_the_fixed_extract_time() throws IOException {
        try (XSSFWorkbook workbook = read(write(XLSX, Extracts.referrals(), referrals(1)))) {
            var core = workbook.getProperties().getCoreProperties();
            assertThat(core.getCreated()).isEqualTo(Date.from(Extracts.EXTRACT_TIME));
            assertThat(core.getModified()).isEqualTo(Date.from(Extracts.EXTRACT_TIME));
        }
    }

    @Test
    void the_temporary_sheet_files_are_deleted_on_close() throws IOException {
        Path poiTemp = Files.createDirectory(dir.resolve("poi-temp"));
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
        try {
            try (TableWriter writer = XLSX.open(dir.resolve("out/referrals"), Extracts.referrals())) {
                for (int i = 0; i < 500; i++) {
                    writer.row(Extracts.referral(i));
                }
                try (Stream<Path> files = Files.list(poiTemp)) {
                    assertThat(files).as("SXSSF spills rows to a temporary file while writing").isNotEmpty();
                }
            }
            try (Stream<Path> files = Files.list(poiTemp)) {
                assertThat(files).isEmpty();
            }
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    @Test
    void only_the_workbook_is_left_in_the_output_directory() throws IOException {
        write(XLSX, Extracts.referrals(), referrals(10));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("referrals.xlsx");
        }
    }
}
