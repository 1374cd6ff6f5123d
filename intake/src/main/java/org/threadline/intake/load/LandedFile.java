package org.threadline.intake.load;

import java.time.Instant;
import java.util.Objects;

/**
 * A file as received, recorded before its rows.
 *
 * @param sha256            hex SHA-256 of the file's bytes: its identity
 * @param sizeBytes         the file's size
 * @param originalName      its name as received
 * @param agency            the agency that sent it (from the definition)
 * @param definitionId      the source definition read it
 * @param definitionVersion that definition's version
 * @param definitionSha256  hash of the definition's YAML text
 * @param landedAt          when it was loaded
 * @param landedBy          who loaded it (the operating-system user running the command)
 * @param storedPath        where the kept copy lives
 */
public record LandedFile(String sha256, long sizeBytes, String originalName, String agency, String definitionId,
                         int definitionVersion, String definitionSha256, Instant landedAt, String landedBy,
                         String storedPath) {
    public LandedFile {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(originalName, "originalName");
        Objects.requireNonNull(landedAt, "landedAt");
    }
}
