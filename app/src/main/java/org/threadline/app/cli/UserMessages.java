package org.threadline.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns an exception into one sentence a person can act on, without a stack trace. */
final class UserMessages {
    private UserMessages() {
    }

    static String describe(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (t instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (t instanceof FileAlreadyExistsException f) {
            return "already exists and is not a folder: " + f.getFile();
        }
        if (t instanceof NotDirectoryException d) {
            return "not a folder: " + d.getFile();
        }
        if (t instanceof IOException io) {
            return "could not read or write a file: " + io.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return "ran out of memory; give Java more with JAVA_OPTS=-Xmx4g";
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
