package org.threadline.intake.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileReaderTest {
    @TempDir
    Path dir;

    private final List<RawRow> rows = new ArrayList<>();

    private CsvFileReader.Layout read(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        return new CsvFileReader().read(file, rows::add);
    }

    @Test
    void a_utf8_file_with_a_byte_order_mark_loses_the_mark_not_the_first_header() throws IOException {
        byte[] body = "Forename,Surname\nZoë,Brontë\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        CsvFileReader.Layout layout = read("bom.csv", withBom);

        assertThat(layout.header()).containsExactly("Forename", "Surname");
        assertThat(rows.get(0).cells()).containsExactly("Zoë", "Brontë");
        assertThat(layout.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void a_windows_1252_file_is_recognised_and_its_accents_survive() throws IOException {
        CsvFileReader.Layout layout = read("excel.csv",
                "First name;Last name\r\nZoë;Brontë\r\n".getBytes(Charset.forName("windows-1252")));

        assertThat(layout.charset().name()).isEqualTo("windows-1252");
        assertThat(layout.delimiter()).isEqualTo(';');
        assertThat(rows.get(0).cells()).containsExactly("Zoë", "Brontë");
    }

    @Test
    void quoted_fields_keep_their_delimiters_and_newlines_and_rows_are_numbered_as_a_person_sees_them()
            throws IOException {
        read("quoted.csv", ("Ref,Note\nA1,\"Seen at home, with child\nand mother\"\nA2,plain\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells().get(1)).isEqualTo("Seen at home, with child\nand mother");
        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(rows.get(1).row()).isEqualTo(3);
    }

    @Test
    void tabs_and_pipes_are_detected() throws IOException {
        assertThat(read("t.tsv", "a\tb\tc\n1\t2\t3\n".getBytes(StandardCharsets.UTF_8)).delimiter()).isEqualTo('\t');
        assertThat(read("p.txt", "a|b\n1|2\n".getBytes(StandardCharsets.UTF_8)).delimiter()).isEqualTo('|');
    }

    @Test
    void a_row_with_the_wrong_number_of_cells_is_kept_with_its_problem_named() throws IOException {
        read("ragged.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n".getBytes(StandardCharsets.UTF_8));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).usable()).isFalse();
        assertThat(rows.get(1).problem()).contains("2 cells where the header has 3");
        assertThat(rows.get(1).row()).isEqualTo(3);
        assertThat(rows.get(2).usable()).isTrue();
    }

    @Test
    void formula_like_cells_are_kept_as_text() throws IOException {
        read("hostile.csv", "a,b\n=HYPERLINK(\"x\"),+1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(rows.get(0).cells()).containsExactly("=HYPERLINK(\"x\")", "+1");
    }

    @Test
    void an_empty_file_is_refused_with_its_name() {
        assertThatThrownBy(() -> read("empty.csv", new byte[0])).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.csv").hasMessageContaining("no header");
    }

    @Test
    void an_unterminated_quote_is_refused_naming_the_file() {
        assertThatThrownBy(() -> read("broken.csv", "a,b\n\"1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("broken.csv");
    }
}
