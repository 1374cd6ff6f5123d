package org.threadline.app.web.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.threadline.app.intake.PartnerLoads;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.accounts.Role;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.intake.load.FeedRefusedException;
import org.threadline.intake.load.LoadException;
import org.threadline.intake.quality.Scorecard;
import org.threadline.intake.source.SourceDefinition;
import org.threadline.intake.source.SourceDefinitions;
import org.threadline.store.intake.QuarantinedRows;

/**
 * What the upload page and the REST API do with a partner's file: check the uploader may load against the definition
 * (their agency sends that feed, and their role is the partner data owner), load it as {@code ./threadline ingest}
 * does, and record the load in the audit log; and export a load's rejected rows, with formula-like cells
 * neutralised, recording the export. An agency only ever sees its own definitions and loads.
 */
public final class PartnerUploads {
    /** The role that may load files and read back rejected rows. */
    public static final Role UPLOADER = Role.PARTNER_DATA_OWNER;
    /** Rows of the quarantine a result lists (the download has them all). */
    public static final int LISTED = 1_000;
    /** What is kept of an uploaded file's name: its last part, in these characters (the extension picks the reader). */
    static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final PartnerLoads loads;
    private final SourceDefinitions definitions;
    private final ViewAudit audit;

    public PartnerUploads(PartnerLoads loads, SourceDefinitions definitions, ViewAudit audit) {
        this.loads = loads;
        this.definitions = definitions;
        this.audit = audit;
    }

    /** Why an upload or an export was refused, in words for the uploader (no data from the file). */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Kind kind;

        /**
         * Not theirs to load (or to know of), not allowed for their role, a file that cannot be read, or a feed no
         * agreement in force covers today.
         */
        public enum Kind { NOT_FOUND, NOT_ALLOWED, UNREADABLE, NOT_COVERED }

        Refused(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** One quarantined row's problem: file, row (and sheet), field, reason. */
    public record Problem(String file, long row, String sheet, String field, String reason) {
    }

    /** What a load did, with its scorecard and the first {@value #LISTED} problems of its quarantine. */
    public record LoadResult(String definition, String file, String sha256, boolean duplicate, long rows, long loaded,
                         long quarantined, Long landedFileId, Scorecard scorecard, List<Problem> problems,
                         boolean problemsTruncated) {
    }

    /** The definitions the viewer's agency sends, by id; empty unless their role may upload. */
    public List<SourceDefinition> ownedBy(Viewer v) {
        if (!v.account().roles().contains(UPLOADER)) {
            return List.of();
        }
        return definitions.all().stream().filter(d -> d.agency().equals(v.party()))
                .sorted(Comparator.comparing(SourceDefinition::id)).toList();
    }

    /** The definition, if the viewer may load against it; refused otherwise (naming nothing of other agencies). */
    public SourceDefinition definition(Viewer v, String definitionId) {
        if (!v.account().roles().contains(UPLOADER)) {
            throw new Refused(Refused.Kind.NOT_ALLOWED, "Only your agency's partner data owner may load files and"
                    + " read their rejected rows.");
        }
        return ownedBy(v).stream().filter(d -> d.id().equals(definitionId)).findFirst()
                .orElseThrow(() -> new Refused(Refused.Kind.NOT_FOUND, "Your agency has no source definition with"
                        + " that id. You can only load against your own agency's definitions."));
    }

    /**
     * Loads a file against one of the viewer's agency's definitions and records the load in the audit log.
     *
     * @param originalName the name the file was sent with: only its last part is kept, and its extension decides
     *     how it is read (unless the definition fixes the format)
     */
    public LoadResult upload(Viewer v, String definitionId, String originalName, InputStream content) {
        SourceDefinition d = definition(v, definitionId);
        String name = safeName(originalName);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("threadline-upload");
            Path file = folder.resolve(name);
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            return audit.act(v, AuditAction.INTAKE, d.id(), List.of(), () -> load(v, d, file), r -> r.duplicate()
                    ? List.of("DUPLICATE_FILE") : List.of("LANDED_FILE_" + r.landedFileId(), "ROWS_" + r.rows(),
                    "QUARANTINED_" + r.quarantined()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file for loading", e);
        } finally {
            delete(folder);
        }
    }

    private LoadResult load(Viewer v, SourceDefinition d, Path file) {
        PartnerLoads.Loaded loaded;
        try {
            loaded = loads.load(file, d, v.account().username(), v.party());
        } catch (FeedRefusedException e) {
            // Recorded in the audit log as a decision not to share; nothing of the file is kept.
            throw new Refused(Refused.Kind.NOT_COVERED, "The file was not taken in: " + e.getMessage());
        } catch (LoadException e) {
            // The loader's message names the problem (a missing column, a format it cannot read), not cell values.
            throw new Refused(Refused.Kind.UNREADABLE, "The file could not be loaded: " + e.getMessage());
        }
        List<Problem> problems = new ArrayList<>();
        boolean truncated = false;
        if (loaded.file().isPresent()) {
            for (PartnerLoads.Rejected r : loads.rejected(loaded.file().get(), LISTED + 1)) {
                for (Map.Entry<String, String> reason : r.reasons().entrySet()) {
                    problems.add(new Problem(file.getFileName().toString(), r.row(), r.sheet(), reason.getKey(),
                            reason.getValue()));
                }
                truncated = problems.size() > LISTED;
            }
        }
        var report = loaded.report();
        return new LoadResult(d.reference(), file.getFileName().toString(), report.sha256(), report.duplicate(),
                report.rowsRead(), report.loaded(), report.quarantined(),
                loaded.file().map(QuarantinedRows.File::id).orElse(null), loaded.scorecard().orElse(null),
                problems.subList(0, Math.min(problems.size(), LISTED)), truncated);
    }

    /** A landed file's rejected rows as CSV, if it is a load of one of the viewer's agency's definitions. */
    public Export rejected(Viewer v, long landedFileId) {
        QuarantinedRows.File f = loads.file(landedFileId).orElseThrow(() -> new Refused(Refused.Kind.NOT_FOUND,
                "Your agency has no load with that id."));
        SourceDefinition d;
        try {
            d = definition(v, f.definitionId());
        } catch (Refused r) {
            throw r.kind() == Refused.Kind.NOT_FOUND ? new Refused(Refused.Kind.NOT_FOUND, "Your agency has no load"
                    + " with that id.") : r;
        }
        return audit.act(v, AuditAction.EXPORT, d.id(), List.of("quarantined_rows"),
                List.of("LANDED_FILE_" + f.id()), () -> {
                    StringWriter out = new StringWriter();
                    long rows = loads.exportRejected(f, Optional.of(d), out);
                    return new Export(baseName(f.originalName()) + "-rejected.csv", out.toString(), rows);
                });
    }

    /** A CSV to send back. */
    public record Export(String fileName, String csv, long rows) {
    }

    static String safeName(String originalName) {
        String last = originalName == null ? "" : originalName.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        String safe = UNSAFE.matcher(last).replaceAll("_");
        while (safe.startsWith(".")) {
            safe = safe.substring(1);
        }
        if (safe.length() > 120) {
            safe = safe.substring(safe.length() - 120);
        }
        if (!safe.contains(".")) {
            throw new Refused(Refused.Kind.UNREADABLE, "The file needs a name ending in its type, like .csv or"
                    + " .xlsx.");
        }
        return safe;
    }

    private static String baseName(String name) {
        String safe = UNSAFE.matcher(name).replaceAll("_");
        int dot = safe.lastIndexOf('.');
        return dot > 0 ? safe.substring(0, dot) : safe;
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind; the landed copy is what counts
        }
    }
}
