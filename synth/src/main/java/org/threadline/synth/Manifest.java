package org.threadline.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code manifest.csv}: every file written, its rows and what it holds, so a reader can start there. */
final class Manifest {
    private Manifest() {
    }

    static void write(Path file, GenerationReport report, GenerationOptions options) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Threadline synthetic population: " + report.people() + " people in " + report.lineages()
                + " families, seed " + options.seed() + ", extract date " + options.asOf()
                + ". SYNTHETIC DATA: no real person.");
        lines.add("agency,table,file,rows,description");
        for (GenerationReport.WrittenTable t : report.tables()) {
            for (Path p : t.files()) {
                lines.add(String.join(",", t.agency(), t.name(), report.out().relativize(p).toString().replace('\\', '/'),
                        Long.toString(t.rows()), '"' + t.description().replace("\"", "\"\"") + '"'));
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
