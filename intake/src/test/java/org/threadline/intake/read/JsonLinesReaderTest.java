package org.threadline.intake.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
    @TempDir
    Path dir;

    private final List<String> header = new ArrayList<>();
    private final List<RawRow> rows = new ArrayList<>();

    private RowSink sink() {
        return new RowSink() {
            @Override
            public void header(List<String> h) {
                header.addAll(h);
            }

            @Override
            public void row(RawRow row) {
                rows.add(row);
            }
        };
    }

    @Test
    void fields_are_taken_by_name_in_the_definitions_order_whatever_order_each_line_gives() throws Exception {
        Path file = Files.writeString(dir.resolve("people.jsonl"), """
                {"ref": "A1", "surname": "Smith", "dob": "03/04/2011", "extra": true}
                {"dob": "04/05/2012", "ref": "A2", "surname": "O\\"Brien", "age": 7}

                {"ref": "A3", "address": {"postcode": "B1 1AA"}, "surname": null, "tags": ["x", 1]}
                """);

        new JsonLinesReader().read(file, List.of("ref", "surname", "dob", "address.postcode", "tags", "age"), sink());

        assertThat(header).containsExactly("ref", "surname", "dob", "address.postcode", "tags", "age");
        assertThat(rows).extracting(RawRow::row).as("line numbers; the blank line 3 is skipped")
                .containsExactly(1L, 2L, 4L);
        assertThat(rows.get(0).cells()).containsExactly("A1", "Smith", "03/04/2011", "", "", "");
        assertThat(rows.get(1).cells()).containsExactly("A2", "O\"Brien", "04/05/2012", "", "", "7");
        assertThat(rows.get(2).cells()).containsExactly("A3", "", "", "B1 1AA", "[\"x\",1]", "");
        assertThat(rows).allMatch(RawRow::usable);
    }

    @Test
    void a_line_that_is_not_a_json_object_is_kept_as_read_with_its_line_number_and_the_rest_still_read()
            throws Exception {
        Path file = Files.writeString(dir.resolve("bad.jsonl"), """
                {"ref": "A1"}
                {"ref": "A2", oops}
                [1, 2]
                {"ref": "A4"}
                """);

        new JsonLinesReader().read(file, List.of("ref"), sink());

        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).problem()).startsWith("line 2 is not JSON: ");
        assertThat(rows.get(1).cells()).containsExactly("{\"ref\": \"A2\", oops}");
        assertThat(rows.get(2).problem()).isEqualTo("line 3 is not a JSON object");
        assertThat(rows.get(3).cells()).containsExactly("A4");
        assertThat(rows.get(3).usable()).isTrue();
    }
}
