package org.threadline.app.cli;

/** A request that cannot be carried out as asked (a bad combination of options, a missing file): exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
