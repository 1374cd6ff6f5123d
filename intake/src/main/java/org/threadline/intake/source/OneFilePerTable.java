package org.threadline.intake.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses one file per table when a folder holds the same table in several formats ({@code police/custody.csv} and
 * {@code police/custody.xlsx}, as {@code generate --format both} writes them). Their bytes differ, so loading both
 * would hold every row twice; the formats are tried in a stated order of preference and every file left out is
 * reported with the file chosen instead, never skipped silently.
 *
 * <p>A table is a definition together with a file's path without its extension: files read by different
 * definitions, or with different names, are never in competition.
 */
public final class OneFilePerTable {
    /** CSV first: it is read faster, and it is what most partners send. */
    public static final List<String> DEFAULT_PREFERENCE = List.of("csv", "xlsx", "jsonl", "ndjson", "json");

    /** A file matched to its definition; {@code label} is its path relative to the extracts folder. */
    public record Candidate(Path file, String label, SourceDefinition definition) {
    }

    /** A file left out, the file chosen for the same table, and why. */
    public record Skipped(Candidate file, Candidate instead, String reason) {
    }

    /** The files to load, in the order given, and those left out. */
    public record Choice(List<Candidate> chosen, List<Skipped> skipped) {
    }

    private OneFilePerTable() {
    }

    /**
     * @param candidates every file found, each with its definition
     * @param preference extensions (lower case, no dot) in order of preference; an extension not listed ranks after
     *                   all listed ones, and ties go to the name that sorts first
     */
    public static Choice choose(List<Candidate> candidates, List<String> preference) {
        Map<String, List<Candidate>> tables = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            tables.computeIfAbsent(c.definition().id() + "\u0000" + stem(c.label()), k -> new ArrayList<>()).add(c);
        }
        Comparator<Candidate> order = Comparator.<Candidate>comparingInt(c -> rank(c.label(), preference))
                .thenComparing(Candidate::label);
        List<Candidate> chosen = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Candidate c : candidates) {
            List<Candidate> table = tables.get(c.definition().id() + "\u0000" + stem(c.label()));
            Candidate best = table.stream().min(order).orElseThrow();
            if (best == c) {
                chosen.add(c);
            } else {
                skipped.add(new Skipped(c, best, "the same table as " + best.label() + ", which is loaded instead"
                        + " (formats are preferred in the order " + String.join(", ", preference) + ")"));
            }
        }
        return new Choice(chosen, skipped);
    }

    static String stem(String label) {
        String name = label.replace('\\', '/');
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }

    static String extension(String label) {
        String stem = stem(label);
        return stem.length() == label.length() ? "" : label.substring(stem.length() + 1).toLowerCase(Locale.ROOT);
    }

    private static int rank(String label, List<String> preference) {
        int i = preference.indexOf(extension(label));
        return i < 0 ? preference.size() : i;
    }
}
