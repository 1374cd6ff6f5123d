package org.threadline.domain.indicators;

import java.util.Objects;

/**
 * A configurable threshold of a rulebook, with where its default comes from and how sure that source is
 * ({@code CONFIRMED}, {@code PARTIAL}, {@code UNCONFIRMED}, as in DOMAIN.md): an unconfirmed criterion is a
 * parameter, never a constant in code.
 */
public record Parameter(String name, double value, String description, String status, String source) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
    }

    public Parameter withValue(double newValue) {
        return new Parameter(name, newValue, description, status, source);
    }
}
