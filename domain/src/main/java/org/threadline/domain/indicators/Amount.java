package org.threadline.domain.indicators;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A number in a rulebook: written literally ({@code 3}) or naming one of the rulebook's parameters
 * ({@code $first_offence_age}), so a partnership can change a threshold without touching the rule.
 */
public record Amount(Optional<Double> literal, Optional<String> parameter) {
    public Amount {
        Objects.requireNonNull(literal, "literal");
        Objects.requireNonNull(parameter, "parameter");
        if (literal.isPresent() == parameter.isPresent()) {
            throw new IllegalArgumentException("an amount is either a literal or a parameter");
        }
    }

    public static Amount of(double value) {
        return new Amount(Optional.of(value), Optional.empty());
    }

    public static Amount parameter(String name) {
        return new Amount(Optional.empty(), Optional.of(name));
    }

    /** The value, looking a parameter up among the rulebook's. */
    public double resolve(Map<String, Parameter> parameters) {
        if (literal.isPresent()) {
            return literal.get();
        }
        Parameter p = parameters.get(parameter.get());
        if (p == null) {
            throw new IllegalStateException("unknown parameter " + parameter.get());
        }
        return p.value();
    }

    @Override
    public String toString() {
        return parameter.map(p -> "$" + p).orElseGet(() -> {
            double v = literal.get();
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        });
    }
}
