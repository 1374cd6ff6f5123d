package org.threadline.linkage.model;

import java.util.List;
import java.util.stream.Collectors;

/** A model document that cannot be used, with every problem found in it; the message lists one per line. */
public final class InvalidModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ModelError> errors;

    public InvalidModelException(String source, List<ModelError> errors) {
        super(message(source, errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem: the document's shape first (when read from JSON), then the model rules. */
    public List<ModelError> errors() {
        return errors;
    }

    private static String message(String source, List<ModelError> errors) {
        return "Invalid linkage model " + source + " (" + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + "):" + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining());
    }
}
