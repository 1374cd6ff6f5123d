package org.threadline.store;

/** The store module's one exception root: a database that cannot start, migrate or take a write. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
