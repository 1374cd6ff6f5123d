package org.threadline.intake.source;

/**
 * One thing wrong with a source definition.
 *
 * @param origin  the file (or "&lt;string&gt;") the definition came from
 * @param path    where in the YAML: {@code record_type}, {@code columns[3].dates}, {@code format.delimiter}; empty
 *                for the document as a whole
 * @param message what is wrong, in words a person writing the file can act on
 */
public record DefinitionError(String origin, String path, String message) {
    @Override
    public String toString() {
        return origin + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
