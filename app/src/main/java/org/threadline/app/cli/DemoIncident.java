package org.threadline.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.threadline.domain.chronology.ChronologyEvent;

/**
 * The demo's new police incident: the sample child's latest domestic abuse occurrence, as the police extract has it
 * (every person in it: victim, suspect, the child present), reported again as a new occurrence on the evening of
 * {@code day} (the day after the extract). Written as the police would send it, so it goes through intake like any other file.
 * Synthetic: every row is a row of the generated population.
 */
final class DemoIncident {
    private static final DateTimeFormatter POLICE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DemoIncident() {
    }

    /** The file written, or empty when the child has no domestic abuse incident to repeat. */
    static Optional<Path> write(PeopleContext ctx, String child, Path population, LocalDate day, Path folder)
            throws IOException {
        Optional<ChronologyEvent> latest = ctx.store.events(List.of(child)).stream()
                .filter(e -> e.type().equals("DOMESTIC_ABUSE_INCIDENT") && !e.fact("occurrence_ref").isBlank())
                .max(Comparator.comparing(ChronologyEvent::date).thenComparing(ChronologyEvent::eventId));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        String ref = latest.get().fact("occurrence_ref");
        // a reference in the force's form (force/serial/year), unused by the generator's serials
        String newRef = String.format(java.util.Locale.ROOT, "20/99%09d/%02d", day.toEpochDay(), day.getYear() % 100);
        Path extract = population.resolve("extracts/police/incident_persons.csv");
        List<List<String>> rows = new ArrayList<>();
        List<String> header;
        try (Reader in = Files.newBufferedReader(extract, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            header = p.getHeaderNames();
            for (CSVRecord r : p) {
                if (r.get("OCCURRENCE_REF").equals(ref)) {
                    List<String> row = new ArrayList<>(r.toList());
                    row.set(header.indexOf("OCCURRENCE_REF"), newRef);
                    row.set(header.indexOf("OCCURRENCE_DATE_TIME"), POLICE.format(day) + " 21:15");
                    rows.add(row);
                }
            }
        }
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(folder);
        Path file = folder.resolve("incident_persons-" + day + ".csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(w)) {
            for (List<String> row : rows) {
                out.printRecord(row);
            }
        }
        return Optional.of(file);
    }
}
