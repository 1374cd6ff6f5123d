package org.threadline.intake.source;

import java.util.List;
import java.util.stream.Collectors;

/** One or more definitions are wrong: every error found, each with its file and YAML path, in document order. */
public final class InvalidSourceDefinitionException extends SourceDefinitionException {
    private final transient List<DefinitionError> errors;

    public InvalidSourceDefinitionException(List<DefinitionError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<DefinitionError> errors() {
        return errors;
    }

    private static String describe(List<DefinitionError> errors) {
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in source definitions:\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
