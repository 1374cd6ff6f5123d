package org.threadline.intake.source;

import java.util.ArrayList;
import java.util.List;

/** Collects every error found in one definition so they can be reported together (STYLE §5). */
final class Problems {
    private final String origin;
    private final List<DefinitionError> errors = new ArrayList<>();

    Problems(String origin) {
        this.origin = origin;
    }

    void add(String path, String message) {
        errors.add(new DefinitionError(origin, path, message));
    }

    boolean any() {
        return !errors.isEmpty();
    }

    List<DefinitionError> errors() {
        return List.copyOf(errors);
    }

    String origin() {
        return origin;
    }
}
