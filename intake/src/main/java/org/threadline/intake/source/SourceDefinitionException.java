package org.threadline.intake.source;

/** Why source definitions could not be loaded or matched to a file; the root of this package's exceptions. */
public class SourceDefinitionException extends RuntimeException {
    public SourceDefinitionException(String message) {
        super(message);
    }

    public SourceDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
