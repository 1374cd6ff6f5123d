package org.threadline.app.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.governance.audit.Checkpoint;

/**
 * The latest checkpoint a successful {@code audit verify} saw, kept outside the database: the next verification
 * checks the log still matches it, which catches even someone who deletes entries and the checkpoints that covered
 * them. A partner's copy of this file is a witness in the C2SP sense, minus the countersignature.
 */
public final class WitnessFile {
    private WitnessFile() {
    }

    public static Path defaultPath(ThreadlineHome home) {
        return home.root().resolve("audit").resolve("witnessed-checkpoint.txt");
    }

    public static Optional<Checkpoint> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        try {
            return Optional.of(new Checkpoint(Long.parseLong(lines.get(0)), Base64.getDecoder().decode(lines.get(1)),
                    Instant.parse(lines.get(2)), lines.get(3), Base64.getDecoder().decode(lines.get(4))));
        } catch (RuntimeException e) {
            throw new IOException("cannot read the remembered checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code c} (atomically, so a crash leaves the old one or the new one). */
    public static void write(Path file, Checkpoint c) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, c.treeSize() + "\n" + Base64.getEncoder().encodeToString(c.rootHash()) + "\n"
                + c.time() + "\n" + c.keyId() + "\n" + Base64.getEncoder().encodeToString(c.signature()) + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
