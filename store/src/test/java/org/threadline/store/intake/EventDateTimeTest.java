package org.threadline.store.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.intake.load.LoadReport;
import org.threadline.intake.load.Loader;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.store.Database;
import org.threadline.store.TestDatabases;

/** The police feeds' event date-times keep their time of day, from CSV text and from XLSX date-time cells. */
class EventDateTimeTest {
    static final SourceDefinition CUSTODY = SourceDefinitions.load(Path.of("../config/sources/police-custody.yaml"));
    static final SourceDefinition INCIDENTS =
            SourceDefinitions.load(Path.of("../config/sources/police-incident-persons.yaml"));

    @TempDir
    static Path folder;
    static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabases.open(folder.resolve("db"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    Loader loader() {
        return new Loader(new IntakeStore(db.dataSource()), folder.resolve("landed"),
                Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC), "tester");
    }

    @Test
    void a_csv_date_time_written_dd_mm_yyyy_hh_mm_is_stored_as_an_iso_local_date_time() throws Exception {
        Path file = Files.writeString(folder.resolve("custody.csv"), """
                CUSTODY_REF,ARREST_DATE_TIME,NOMINAL_ID,SURNAME,FORENAMES,DATE_OF_BIRTH,SEX,PNC_ID,HO_OFFENCE_CODE,OUTCOME,ADDRESS,POSTCODE
                C1,22/10/2016 17:45,N1,SMITH,JOHN,03/04/1990,M,,8/1,CHARGED,1 High St,B1 1AA
                C2,23/10/2016 00:00,N2,JONES,MARY,04/05/1991,F,,8/1,NFA,2 High St,B1 1AA
                """);

        LoadReport report = loader().load(file, CUSTODY);

        assertThat(report.loaded()).isEqualTo(2);
        assertThat(values(report, "event_datetime")).containsExactly("2016-10-22T17:45", "2016-10-23T00:00");
        assertThat(values(report, "date_of_birth")).as("a date of birth stays a day")
                .containsExactly("1990-04-03", "1991-05-04");
    }

    @Test
    void an_xlsx_date_time_cell_is_stored_with_its_time_even_at_midnight() throws Exception {
        Path file = folder.resolve("incident_persons.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("Occurrences");
            String[] header = {"OCCURRENCE_REF", "OCCURRENCE_DATE_TIME", "NOMINAL_ID", "SURNAME", "FORENAMES"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle stamp = wb.createCellStyle();
            stamp.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            LocalDateTime[] when = {LocalDateTime.of(2024, 5, 1, 17, 45), LocalDateTime.of(2024, 5, 2, 0, 0),
                LocalDateTime.of(2024, 5, 3, 23, 59)};
            for (int i = 0; i < when.length; i++) {
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue("OCC" + i);
                r.createCell(1).setCellValue(when[i]);
                r.getCell(1).setCellStyle(stamp);
                r.createCell(2).setCellValue("N" + i);
                r.createCell(3).setCellValue("SMITH");
                r.createCell(4).setCellValue("ANN");
            }
            wb.write(out);
        }

        LoadReport report = loader().load(file, INCIDENTS);

        assertThat(report.loaded()).isEqualTo(3);
        assertThat(values(report, "event_datetime"))
                .containsExactly("2024-05-01T17:45", "2024-05-02T00:00", "2024-05-03T23:59");
    }

    static List<String> values(LoadReport report, String field) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT fields->'" + field + "'->>'value' FROM standardised_row r"
                     + " JOIN landed_file f ON f.id = r.file_id WHERE f.sha256 = '" + report.sha256()
                     + "' ORDER BY row_number")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
