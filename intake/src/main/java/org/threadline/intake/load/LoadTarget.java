package org.threadline.intake.load;

import java.util.Optional;

/** Where loads go. Implementations make each {@link FileLoad} one transaction. */
public interface LoadTarget {
    /**
     * Starts loading one file, or returns empty when a file with the same SHA-256 is already loaded (the load then
     * adds nothing). Waits for a concurrent load of the same content to finish before answering.
     */
    Optional<FileLoad> begin(LandedFile file);
}
