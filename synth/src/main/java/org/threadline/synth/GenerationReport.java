package org.threadline.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * What a generation run wrote.
 *
 * @param people   people in the population
 * @param lineages families (lineages) simulated
 * @param tables   every table written, extracts first, then truth
 * @param out      the output folder
 */
public record GenerationReport(int people, int lineages, List<WrittenTable> tables, Path out) {

    /**
     * One table.
     *
     * @param agency      the agency folder, or {@code truth}
     * @param name        the table name
     * @param files       the files written (one per format)
     * @param rows        data rows (the header not counted)
     * @param description what the agency's tables hold
     */
    public record WrittenTable(String agency, String name, List<Path> files, long rows, String description) {
    }

    public long extractRows() {
        return tables.stream().filter(t -> !t.agency().equals("truth")).mapToLong(WrittenTable::rows).sum();
    }
}
