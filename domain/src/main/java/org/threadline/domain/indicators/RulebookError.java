package org.threadline.domain.indicators;

import java.util.Objects;

/** One problem in a rulebook file, at its YAML path ({@code indicators[3].condition.any_of[1].signal}). */
public record RulebookError(String origin, String path, String message) {
    public RulebookError {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return origin + ": " + path + ": " + message;
    }
}
