package org.threadline.linkage.model;

/**
 * One problem with a model document.
 *
 * @param path    where, in JSON-path style without the leading {@code $.}: {@code comparisons[2].levels[0].kind};
 *                {@code $} for the document as a whole
 * @param message what is wrong, in words a model author can act on
 */
public record ModelError(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
