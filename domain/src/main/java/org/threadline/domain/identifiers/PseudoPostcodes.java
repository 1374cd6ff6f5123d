package org.threadline.domain.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The meanings of NHS pseudo-postcodes, read once from {@code nhs_pseudo_postcodes.csv} (a copy of the shared code
 * list {@code codes/nhs_pseudo_postcodes.csv}; keep the two in step). A code written with {@code n} in the table, such
 * as {@code ZZ99 nnZ}, is a pattern in which each {@code n} stands for any digit or letter.
 */
final class PseudoPostcodes {

    static final Pattern SHAPE = Pattern.compile("ZZ99 [0-9][A-Z]{2}");
    private static final String RESOURCE = "nhs_pseudo_postcodes.csv";
    private static final Map<String, String> EXACT = new LinkedHashMap<>();
    private static final Map<Pattern, String> PATTERNS = new LinkedHashMap<>();

    static {
        for (String[] row : rows()) {
            String code = row[0].trim();
            if (code.indexOf('n') >= 0) {
                PATTERNS.put(Pattern.compile(code.replace("n", "[0-9A-Z]")), row[1].trim());
            } else {
                EXACT.put(code, row[1].trim());
            }
        }
    }

    private PseudoPostcodes() {
    }

    /** The meaning of a normalised pseudo-postcode, or empty when the table does not list it. */
    static Optional<String> meaningOf(String normalised) {
        String exact = EXACT.get(normalised);
        if (exact != null) {
            return Optional.of(exact);
        }
        return PATTERNS.entrySet().stream()
                .filter(e -> e.getKey().matcher(normalised).matches())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static List<String[]> rows() {
        InputStream in = PseudoPostcodes.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header: pseudo_postcode,meaning,status,source
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                // The meanings contain no commas, so a plain split is enough for this table.
                String[] fields = line.split(",", -1);
                if (fields.length < 2 || fields[0].isBlank() || fields[1].isBlank()) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected code and meaning");
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return rows;
    }
}
