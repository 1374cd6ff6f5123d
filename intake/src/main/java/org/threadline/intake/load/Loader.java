package org.threadline.intake.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Year;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.threadline.intake.read.CsvFileReader;
import org.threadline.intake.read.FhirBundleReader;
import org.threadline.intake.read.JsonLinesReader;
import org.threadline.intake.read.RawRow;
import org.threadline.intake.read.RowSink;
import org.threadline.intake.read.XlsxFileReader;
import org.threadline.intake.source.ColumnMapping;
import org.threadline.intake.source.SourceDefinition;

/**
 * Loads partner files: each is hashed, kept under {@code landed/<sha256>/<name>}, read (CSV, XLSX, JSON lines or a FHIR
 * Bundle: see {@link org.threadline.intake.source.FileFormat}), standardised row by row and written to the {@link LoadTarget} as one unit. A file whose content is
 * already loaded adds nothing. No row is dropped: every row read is either loaded or quarantined with its reasons.
 */
public final class Loader {
    private final LoadTarget target;
    private final Path landedFolder;
    private final Clock clock;
    private final String landedBy;
    private final RowStandardiser.Standardisers standardisers;
    private final java.util.Optional<FeedAgreements> agreements;

    /**
     * A loader that takes in a feed only while a live agreement covers it ({@code ./threadline ingest} always loads
     * this way): a file of a feed no agreement covers today is refused with {@link FeedRefusedException} before
     * anything of it is read, kept or recorded.
     *
     * @param agreements the agreements in force, with the clock that says what "today" is
     */
    public Loader(LoadTarget target, Path landedFolder, Clock clock, String landedBy, FeedAgreements agreements) {
        this(target, landedFolder, clock, landedBy, java.util.Optional.of(agreements));
    }

    /**
     * A loader that checks no agreement: for tests of loading itself (fixture feeds, dates outside any agreement).
     * Partner data is never taken in this way: the ingest command uses the checking constructor.
     *
     * @param target       where loads are written
     * @param landedFolder where received files are kept, one folder per SHA-256
     * @param clock        the time recorded as the landing time (its year also expands short PNC IDs)
     * @param landedBy     who is loading, recorded with every file
     */
    public Loader(LoadTarget target, Path landedFolder, Clock clock, String landedBy) {
        this(target, landedFolder, clock, landedBy, java.util.Optional.empty());
    }

    private Loader(LoadTarget target, Path landedFolder, Clock clock, String landedBy,
                   java.util.Optional<FeedAgreements> agreements) {
        this.agreements = agreements;
        this.target = target;
        this.landedFolder = landedFolder;
        this.clock = clock;
        this.landedBy = landedBy;
        this.standardisers = RowStandardiser.Standardisers.forYear(Year.now(clock));
    }

    /** Loads one file with the given definition and says what happened. */
    public LoadReport load(Path file, SourceDefinition definition) {
        return load(file, definition, row -> { });
    }

    /**
     * The same, showing every row as loaded or quarantined to {@code observer} (a data-quality scorecard, say);
     * nothing is shown for a file already loaded.
     */
    public LoadReport load(Path file, SourceDefinition definition, java.util.function.Consumer<LoadedRow> observer) {
        // Before the file is even hashed or copied: data no agreement covers is not taken in at all.
        agreements.ifPresent(a -> a.require(file, definition));
        String sha256 = sha256(file);
        Path kept = keep(file, sha256);
        LandedFile landed = new LandedFile(sha256, size(kept), file.getFileName().toString(), definition.agency(),
                definition.id(), definition.version(), definition.sha256(), clock.instant(), landedBy,
                kept.toString());
        Optional<FileLoad> begun = target.begin(landed);
        if (begun.isEmpty()) {
            return LoadReport.duplicate(file, definition.reference(), sha256);
        }
        try (FileLoad load = begun.get()) {
            Streaming stream = new Streaming(definition, load, observer);
            read(kept, definition, stream);
            load.commit(stream.rows, stream.rows - stream.quarantined, stream.quarantined);
            return new LoadReport(file, definition.reference(), sha256, false, stream.rows,
                    stream.rows - stream.quarantined, stream.quarantined);
        }
    }

    /**
     * Standardises and writes each row as the reader hands it over, so a file of any size loads in bounded memory;
     * the standardiser is made when the header arrives (and refuses a file that lacks a required column).
     */
    private final class Streaming implements RowSink {
        private final SourceDefinition definition;
        private final FileLoad load;
        private final java.util.function.Consumer<LoadedRow> observer;
        private RowStandardiser standardiser;
        long rows;
        long quarantined;

        Streaming(SourceDefinition definition, FileLoad load, java.util.function.Consumer<LoadedRow> observer) {
            this.definition = definition;
            this.load = load;
            this.observer = observer;
        }

        @Override
        public void header(List<String> header) {
            standardiser = new RowStandardiser(definition, header, standardisers);
        }

        @Override
        public void row(RawRow row) {
            LoadedRow loaded = standardiser.standardise(row);
            rows++;
            quarantined += loaded.quarantined() ? 1 : 0;
            load.write(loaded);
            observer.accept(loaded);
        }
    }

    /**
     * The header of a file as the definition reads it (the one its rows were loaded under), without reading its
     * rows: for exports that show a partner their own columns.
     */
    public static List<String> header(Path file, SourceDefinition definition) {
        try {
            read(file, definition, new RowSink() {
                @Override
                public void header(List<String> header) {
                    throw new HeaderFound(header);
                }

                @Override
                public void row(RawRow row) {
                }
            });
        } catch (HeaderFound found) {
            return found.header;
        }
        throw new LoadException("no header found in " + file.getFileName());
    }

    /** Streams the file's header and rows into {@code sink}, in the format its definition states or its name implies. */
    private static void read(Path file, SourceDefinition definition, RowSink sink) {
        List<String> sources = definition.columns().stream().map(ColumnMapping::source).toList();
        try {
            switch (definition.format().formatOf(file.getFileName().toString())) {
                case XLSX -> new XlsxFileReader().read(file, definition.format().sheet().orElse(null), sink);
                case JSONL -> new JsonLinesReader().read(file, sources, sink);
                case FHIR -> new FhirBundleReader().read(file, sources, sink);
                case CSV -> new CsvFileReader().read(file, definition.format().delimiter().orElse(null), sink);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LoadException || e instanceof HeaderFound) {
                throw (RuntimeException) e;
            }
            throw new LoadException("cannot read " + file.getFileName() + " with " + definition.reference() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Ends a read once the header is known. */
    private static final class HeaderFound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<String> header;

        HeaderFound(List<String> header) {
            super(null, null, false, false);
            this.header = header;
        }
    }

    /** Copies the file to {@code landed/<sha256>/<name>} unless it is already there; the copy is never changed. */
    private Path keep(Path file, String sha256) {
        Path folder = landedFolder.resolve(sha256);
        Path kept = folder.resolve(file.getFileName().toString());
        try {
            if (Files.exists(kept)) {
                return kept;
            }
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".landing-", ".part");
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
            return kept;
        } catch (IOException e) {
            throw new LoadException("cannot keep a copy of " + file + " under " + folder + ": " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new LoadException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
