package org.threadline.synth.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs every case of {@code csv-cases.tsv}: a dialect, a row, and the exact file it must produce. */
class CsvDialectCasesTest {

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> each_case_writes_exactly_the_expected_bytes() throws IOException {
        return readCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String[] headers = new String[c.cells().length];
            for (int i = 0; i < headers.length; i++) {
                headers[i] = String.valueOf((char) ('a' + i));
            }
            TableSpec spec = new TableSpec("case", Stream.of(headers).map(ColumnSpec::text).toList(), c.dialect(),
                    XlsxOptions.sheet("case"));
            Path base = dir.resolve(c.name().replace(' ', '_'));
            try (TableWriter writer = TableOutput.of(Set.of(OutputFormat.CSV), Extracts.EXTRACT_TIME)
                    .open(base, spec)) {
                writer.row(c.cells());
            }
            byte[] actual = Files.readAllBytes(TableOutput.fileFor(base, OutputFormat.CSV));
            assertThat(new String(actual, c.dialect().charset())).isEqualTo(c.expected()); // readable on failure
            assertThat(actual).isEqualTo(c.expected().getBytes(c.dialect().charset()));
        }));
    }

    private record Case(String name, CsvDialect dialect, String[] cells, String expected) {
    }

    private static List<Case> readCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = CsvDialectCasesTest.class.getResourceAsStream("csv-cases.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 4) {
                    throw new IllegalStateException("a case needs 4 tab-separated columns: " + line);
                }
                String[] cells = Stream.of(columns[2].split("\\|", -1))
                        .map(cell -> cell.equals("\\0") ? null : unescape(cell)).toArray(String[]::new);
                cases.add(new Case(columns[0], dialect(columns[1]), cells, unescape(columns[3])));
            }
        }
        return cases;
    }

    private static CsvDialect dialect(String text) {
        CsvDialect dialect = CsvDialect.rfc4180();
        if (text.equals("default")) {
            return dialect;
        }
        for (String setting : text.split(" ")) {
            String[] keyValue = setting.split("=", 2);
            String value = unescape(keyValue[1]);
            dialect = switch (keyValue[0]) {
                case "delimiter" -> dialect.withDelimiter(value.charAt(0));
                case "quoting" -> dialect.withQuoting(CsvQuoting.valueOf(value));
                case "eol" -> dialect.withLineEnding(LineEnding.valueOf(value));
                case "charset" -> dialect.withCharset(Charset.forName(value));
                default -> throw new IllegalStateException("unknown dialect setting " + setting);
            };
        }
        return dialect;
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            out.append(switch (next) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'p' -> '|';
                case '\\' -> '\\';
                default -> throw new IllegalStateException("unknown escape \\" + next + " in " + text);
            });
        }
        return out.toString();
    }
}
