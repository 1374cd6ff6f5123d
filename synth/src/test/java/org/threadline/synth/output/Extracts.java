package org.threadline.synth.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Fixtures: a typical agency table, a fixed extract time and a file hash. */
final class Extracts {

    static final Instant EXTRACT_TIME = Instant.parse("2026-03-31T18:30:00Z");

    private Extracts() {
    }

    /** A children's services referral table with one column of each type. */
    static TableSpec referrals(CsvDialect csv, XlsxOptions xlsx) {
        return new TableSpec("referrals", List.of(
                ColumnSpec.text("Child ID"),
                ColumnSpec.text("Surname"),
                ColumnSpec.date("DOB", "dd/MM/yyyy"),
                ColumnSpec.dateTime("Referral received", "dd/MM/yyyy HH:mm"),
                ColumnSpec.integer("Siblings"),
                ColumnSpec.decimal("Score")), csv, xlsx);
    }

    static TableSpec referrals() {
        return referrals(CsvDialect.rfc4180(), XlsxOptions.sheet("Referrals"));
    }

    /** A deterministic referral row; {@code i} varies every cell. */
    static String[] referral(int i) {
        return new String[] {
            "C" + (100000 + i),
            i % 7 == 0 ? "O'Brien, Wałęsa \"Jr\"" : "Smith" + i,
            String.format(Locale.ROOT, "%02d/%02d/%d", 1 + i % 28, 1 + i % 12, 2005 + i % 15),
            String.format(Locale.ROOT, "%02d/%02d/2025 %02d:%02d", 1 + i % 28, 1 + i % 12, i % 24, i % 60),
            Integer.toString(i % 5),
            (i % 100) + "." + (i % 10) + "5"
        };
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
