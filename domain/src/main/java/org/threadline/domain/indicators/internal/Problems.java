package org.threadline.domain.indicators.internal;

import java.util.ArrayList;
import java.util.List;
import org.threadline.domain.indicators.RulebookError;

/** Collects every error in one file so they are reported together (STYLE §5). */
public final class Problems {
    private final String origin;
    private final List<RulebookError> errors = new ArrayList<>();

    public Problems(String origin) {
        this.origin = origin;
    }

    public void add(String path, String message) {
        errors.add(new RulebookError(origin, path, message));
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public List<RulebookError> errors() {
        return List.copyOf(errors);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
