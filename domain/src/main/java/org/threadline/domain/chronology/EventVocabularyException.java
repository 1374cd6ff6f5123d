package org.threadline.domain.chronology;

import java.util.List;

/** The event vocabulary cannot be used; {@link #errors()} lists every problem with its YAML path. */
public final class EventVocabularyException extends RuntimeException {
    private final List<String> errors;

    public EventVocabularyException(String message, List<String> errors) {
        super(errors.isEmpty() ? message : message + ":\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
