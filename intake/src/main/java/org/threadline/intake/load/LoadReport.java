package org.threadline.intake.load;

import java.nio.file.Path;

/**
 * What a load did.
 *
 * @param file        the file given
 * @param definition  the definition that read it ({@code police-custody v1})
 * @param sha256      the file's SHA-256
 * @param duplicate   true when the same content was already loaded, so nothing was added
 * @param rowsRead    data rows read (0 for a duplicate)
 * @param loaded      rows standardised and loaded
 * @param quarantined rows kept but quarantined with their reasons
 */
public record LoadReport(Path file, String definition, String sha256, boolean duplicate, long rowsRead, long loaded,
                         long quarantined) {
    static LoadReport duplicate(Path file, String definition, String sha256) {
        return new LoadReport(file, definition, sha256, true, 0, 0, 0);
    }
}
