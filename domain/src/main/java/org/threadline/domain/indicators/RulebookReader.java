package org.threadline.domain.indicators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.threadline.domain.indicators.internal.RulebookParser;

/**
 * Reads and validates rulebooks. Every error in a file is reported at once with its YAML path, including types and
 * facts the event vocabulary does not have, unknown parameters, signals and indicators, and cycles between
 * indicators.
 */
public final class RulebookReader {
    private final EventVocabulary vocabulary;

    public RulebookReader(EventVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Rulebook read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new IndicatorException("cannot read rulebook " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code *.yaml} rulebook in a folder, in name order; the errors of all files together. */
    public List<Rulebook> readAll(Path folder) {
        List<Rulebook> books = new ArrayList<>();
        List<RulebookError> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try {
                    books.add(read(f));
                } catch (InvalidRulebookException e) {
                    errors.addAll(e.errors());
                }
            }
        } catch (IOException e) {
            throw new IndicatorException("cannot list rulebooks in " + folder + ": " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRulebookException(errors);
        }
        return books;
    }

    public Rulebook parse(String yaml, String origin) {
        return new RulebookParser(vocabulary, origin).parse(yaml);
    }
}
