package org.threadline.domain.indicators;

import java.util.List;
import java.util.stream.Collectors;

/** A rulebook (or event vocabulary) that cannot be used, with every error found in it, not just the first. */
public final class InvalidRulebookException extends IndicatorException {
    private static final long serialVersionUID = 1L;
    private final transient List<RulebookError> errors;

    public InvalidRulebookException(List<RulebookError> errors) {
        super(errors.size() + " error(s):\n" + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RulebookError> errors() {
        return errors;
    }
}
