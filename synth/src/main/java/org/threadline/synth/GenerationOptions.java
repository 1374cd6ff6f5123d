package org.threadline.synth;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.threadline.synth.errors.ErrorRates;
import org.threadline.synth.output.OutputFormat;

/**
 * What to generate.
 *
 * @param people  exactly how many people the population holds
 * @param seed    the seed: the same seed and options give byte-identical files
 * @param out     the folder to write into
 * @param formats CSV, XLSX or both
 * @param errors  the rate of each recording error
 * @param asOf    the extract date: every agency's extract is taken on this day
 * @param threads worker threads (the output does not depend on it)
 */
public record GenerationOptions(int people, long seed, Path out, Set<OutputFormat> formats, ErrorRates errors,
                                LocalDate asOf, int threads) {

    /** The default extract date: the end of the 2025-26 financial year, when the statutory returns are taken. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 3, 31);

    public GenerationOptions {
        if (people < 1) {
            throw new IllegalArgumentException("--people must be at least 1, was " + people);
        }
        if (people > 5_000_000) {
            throw new IllegalArgumentException("--people is at most 5,000,000 (record keys are sized for that), was "
                    + people);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("choose at least one format");
        }
        if (asOf.getYear() < 2000 || asOf.getYear() > 2100) {
            throw new IllegalArgumentException("the extract date must be between 2000 and 2100, was " + asOf);
        }
        threads = Math.max(1, threads);
    }

    public static GenerationOptions of(int people, long seed, Path out, Set<OutputFormat> formats) {
        return new GenerationOptions(people, seed, out, formats, ErrorRates.defaults(), DEFAULT_AS_OF,
                Runtime.getRuntime().availableProcessors());
    }

    public GenerationOptions withErrors(ErrorRates newErrors) {
        return new GenerationOptions(people, seed, out, formats, newErrors, asOf, threads);
    }

    public GenerationOptions withThreads(int newThreads) {
        return new GenerationOptions(people, seed, out, formats, errors, asOf, newThreads);
    }
}
