package org.threadline.intake.load;

/** A file that cannot be loaded at all: unreadable, or lacking a required column. Nothing of it is kept. */
public class LoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
