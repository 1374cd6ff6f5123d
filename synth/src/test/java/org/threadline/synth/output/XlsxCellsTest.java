package org.threadline.synth.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class XlsxCellsTest {

    @Test
    void plain_whole_numbers_have_scale_zero() {
        assertThat(XlsxCells.canonicalScale("0", true)).isZero();
        assertThat(XlsxCells.canonicalScale("42", true)).isZero();
        assertThat(XlsxCells.canonicalScale("-42", true)).isZero();
        assertThat(XlsxCells.canonicalScale("999999999999999", true)).isZero();
    }

    @Test
    void whole_numbers_that_a_number_cell_would_change_are_refused() {
        for (String value : new String[] {"007", "+1", "-0", "-", "1.0", "1e3", " 1", "1234567890123456", "1,000"}) {
            assertThat(XlsxCells.canonicalScale(value, true)).as(value).isEqualTo(-1);
        }
    }

    @Test
    void decimals_report_their_number_of_places() {
        assertThat(XlsxCells.canonicalScale("12.50", false)).isEqualTo(2);
        assertThat(XlsxCells.canonicalScale("0.125", false)).isEqualTo(3);
        assertThat(XlsxCells.canonicalScale("-3.5", false)).isEqualTo(1);
        assertThat(XlsxCells.canonicalScale("7", false)).isZero();
    }

    @Test
    void decimals_that_a_number_cell_would_change_are_refused() {
        for (String value : new String[] {".5", "5.", "1.2.3", "-0.00", "01.5", "1,5", "0.12345678901"}) {
            assertThat(XlsxCells.canonicalScale(value, false)).as(value).isEqualTo(-1);
        }
    }

    @Test
    void java_date_patterns_become_the_matching_excel_formats() {
        assertThat(ExcelDateFormat.excelFormat("dd/MM/yyyy", ColumnType.DATE)).isEqualTo("dd/mm/yyyy");
        assertThat(ExcelDateFormat.excelFormat("yyyy-MM-dd", ColumnType.DATE)).isEqualTo("yyyy-mm-dd");
        assertThat(ExcelDateFormat.excelFormat("dd/MM/yyyy HH:mm", ColumnType.DATETIME)).isEqualTo("dd/mm/yyyy hh:mm");
        assertThat(ExcelDateFormat.excelFormat("d MMM yyyy h:mm a", ColumnType.DATETIME))
                .isEqualTo("d mmm yyyy h:mm AM/PM");
        assertThat(ExcelDateFormat.excelFormat("yyyy-MM-dd'T'HH:mm:ss", ColumnType.DATETIME))
                .isEqualTo("yyyy-mm-dd\"T\"hh:mm:ss");
    }

    @Test
    void dates_are_parsed_strictly_and_in_british_english_whatever_the_machine_locale() {
        var parser = ExcelDateFormat.strictParser("d MMM yyyy");

        assertThat(parser.getLocale()).isEqualTo(Locale.UK);
        assertThat(LocalDate.parse("7 Mar 2015", parser)).isEqualTo(LocalDate.of(2015, 3, 7));
        assertThatThrownBy(() -> LocalDate.parse("31 Feb 2019", parser)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void patterns_excel_cannot_show_fall_back_to_iso_order() {
        assertThat(ExcelDateFormat.excelFormat("EEE dd/MM/yyyy", ColumnType.DATE)).isEqualTo("yyyy-mm-dd");
        assertThat(ExcelDateFormat.excelFormat("dd/MM/yyyy hh:mm", ColumnType.DATETIME))
                .isEqualTo("yyyy-mm-dd hh:mm:ss");
    }
}
