package org.threadline.synth.output;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How one agency writes CSV. Agencies differ, and the intake side must cope with each difference, so every one is
 * a setting here rather than a fixed choice.
 *
 * <p>Characters that the charset cannot represent are replaced deterministically before encoding (see
 * {@link Transliterator}): accents are dropped ({@code é → e}), letters without a decomposition use a fixed table
 * ({@code ł → l}, {@code đ → d}, {@code ß} stays in windows-1252), and anything else becomes {@code ?}. This is
 * what a real windows-1252 export does to a Polish or Vietnamese name, and it is part of the data quality problem
 * the platform must handle.
 *
 * @param delimiter the field separator; not a double quote, CR or LF
 * @param charset   the encoding, typically UTF-8 or windows-1252
 * @param bom       whether a UTF-8 byte order mark starts the file (UTF-8 only)
 * @param lineEnding how records end
 * @param quoting   when fields are quoted
 */
public record CsvDialect(char delimiter, Charset charset, boolean bom, LineEnding lineEnding, CsvQuoting quoting) {

    /** The windows-1252 charset ("ANSI" on a UK Windows machine). */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Rejects delimiters that would make the file ambiguous and a BOM outside UTF-8. */
    public CsvDialect {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(lineEnding, "lineEnding");
        Objects.requireNonNull(quoting, "quoting");
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a double quote, CR or LF");
        }
        if (bom && !charset.equals(StandardCharsets.UTF_8)) {
            throw new IllegalArgumentException("a byte order mark is only written for UTF-8, not " + charset);
        }
        if (!charset.canEncode()) {
            throw new IllegalArgumentException(charset + " cannot encode");
        }
    }

    /** RFC 4180: comma, UTF-8 without BOM, CRLF, quote when needed. */
    public static CsvDialect rfc4180() {
        return new CsvDialect(',', StandardCharsets.UTF_8, false, LineEnding.CRLF, CsvQuoting.WHEN_NEEDED);
    }

    /** This dialect with another delimiter. */
    public CsvDialect withDelimiter(char newDelimiter) {
        return new CsvDialect(newDelimiter, charset, bom, lineEnding, quoting);
    }

    /** This dialect with another charset; drops the BOM when the charset is not UTF-8. */
    public CsvDialect withCharset(Charset newCharset) {
        return new CsvDialect(delimiter, newCharset, bom && newCharset.equals(StandardCharsets.UTF_8), lineEnding,
                quoting);
    }

    /** This dialect with or without a UTF-8 byte order mark. */
    public CsvDialect withBom(boolean newBom) {
        return new CsvDialect(delimiter, charset, newBom, lineEnding, quoting);
    }

    /** This dialect with another line ending. */
    public CsvDialect withLineEnding(LineEnding newLineEnding) {
        return new CsvDialect(delimiter, charset, bom, newLineEnding, quoting);
    }

    /** This dialect with another quoting rule. */
    public CsvDialect withQuoting(CsvQuoting newQuoting) {
        return new CsvDialect(delimiter, charset, bom, lineEnding, newQuoting);
    }
}
