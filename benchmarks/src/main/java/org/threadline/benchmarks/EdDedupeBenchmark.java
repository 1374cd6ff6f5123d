package org.threadline.benchmarks;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.threadline.app.cli.ThreadlineCommand;

/**
 * Deduplicates the emergency-department attendances of a generated population into patients (the issue's
 * one-million-record case): reads {@code extracts/health/ed_attendances.csv} and the truth's record map, writes a
 * shuffled linkage input with the true person as {@code person} (used only for measuring), then runs
 * {@code link run --train} with {@code config/models/ed-patients.json}.
 *
 * <pre>
 * ./threadline generate --people 1400000 --seed 7 --out /tmp/pop --format csv
 * java -Xmx8g -cp "benchmarks/target/classes:app/target/lib/*:app/target/threadline.jar" \
 *     org.threadline.benchmarks.EdDedupeBenchmark /tmp/pop /tmp/ed-bench
 * </pre>
 */
public final class EdDedupeBenchmark {
    private EdDedupeBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path population = Path.of(args[0]);
        Path work = Path.of(args.length > 1 ? args[1] : "/tmp/ed-bench");
        Files.createDirectories(work);
        List<String> people = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(population.resolve("truth/records.csv"))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("health/ed_attendances,")) {
                    people.add(line.substring(line.lastIndexOf(',') + 1));
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(population.resolve("extracts/health/ed_attendances.csv"),
                StandardCharsets.UTF_8, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            int i = 0;
            for (CSVRecord rec : p) {
                rows.add(List.of(rec.get("EC_Ident"), people.get(i++), rec.get("NHS_Number"),
                        rec.get("Patient_Forename"), rec.get("Patient_Surname"), rec.get("Date_Of_Birth"),
                        rec.get("Postcode")));
            }
        }
        Collections.shuffle(rows, new Random(20261126L));
        Path input = work.resolve("ed.csv");
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
            out.printRecord("EC_Ident", "person", "NHS_Number", "Patient_Forename", "Patient_Surname", "Date_Of_Birth",
                    "Postcode");
            for (List<String> row : rows) {
                out.printRecord(row);
            }
        }
        System.out.printf("%,d ED attendances written to %s%n", rows.size(), input);
        long start = System.nanoTime();
        int code = ThreadlineCommand.execute(new String[] {"link", "run", "--train", "--truth", "person", "--model",
            "config/models/ed-patients.json", "--input", input.toString(), "--out", work.resolve("out").toString()},
                new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.out.printf("exit %d, wall %.1f s including reading and writing CSV%n", code,
                (System.nanoTime() - start) / 1e9);
        System.exit(code);
    }
}
