package org.threadline.intake.source;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a source's files where the readers cannot tell for themselves. Each hint is optional: the file's
 * extension gives its format, the CSV reader detects delimiter and encoding, and the XLSX reader takes the first
 * sheet, when none is given.
 *
 * @param type      the file format, when the extension is not to decide (FHIR Bundles must say so)
 * @param delimiter the CSV field separator
 * @param encoding  the CSV text encoding when it is not UTF-8 (a BOM still wins)
 * @param sheet     the XLSX sheet holding the table
 */
public record FormatHints(Optional<FileFormat> type, Optional<Character> delimiter, Optional<Charset> encoding,
                          Optional<String> sheet) {
    /** No hints: the readers detect everything. */
    public static final FormatHints NONE = new FormatHints(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public FormatHints {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(sheet, "sheet");
    }

    /** How to read a file of this feed: the stated type, else the one its name implies. */
    public FileFormat formatOf(String fileName) {
        return type.orElseGet(() -> FileFormat.byName(fileName));
    }
}
