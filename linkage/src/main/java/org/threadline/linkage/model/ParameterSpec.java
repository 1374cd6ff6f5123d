package org.threadline.linkage.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter a {@link LevelKind} requires: its name in the document, its type and the values it may take.
 *
 * @param name    key under {@code parameters}, e.g. {@code threshold}
 * @param type    what kind of value it holds
 * @param min     smallest allowed value (numbers only; null means unbounded)
 * @param max     largest allowed value (numbers only; null means unbounded)
 * @param choices allowed values (choice parameters only; empty otherwise)
 */
public record ParameterSpec(String name, Type type, Double min, Double max, List<String> choices) {

    /** The type of a parameter value. */
    public enum Type {
        /** A number, stored as a {@code Double}; {@code 1} and {@code 1.0} are both accepted on reading. */
        DECIMAL,
        /** A whole number, stored as a {@code Long}. */
        WHOLE,
        /** A non-blank string. */
        TEXT,
        /** One of a fixed set of strings. */
        CHOICE
    }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
    }

    static ParameterSpec decimal(String name, double min, double max) {
        return new ParameterSpec(name, Type.DECIMAL, min, max, List.of());
    }

    static ParameterSpec whole(String name, long min) {
        return new ParameterSpec(name, Type.WHOLE, (double) min, null, List.of());
    }

    static ParameterSpec text(String name) {
        return new ParameterSpec(name, Type.TEXT, null, null, List.of());
    }

    static <E extends Enum<E>> ParameterSpec choice(String name, Class<E> values) {
        return new ParameterSpec(name, Type.CHOICE, null, null,
                java.util.Arrays.stream(values.getEnumConstants()).map(JsonNames::of).toList());
    }

    /** Why {@code value} is not acceptable for this parameter, or empty when it is. */
    Optional<String> problemWith(Object value) {
        switch (type) {
            case DECIMAL, WHOLE -> {
                if (!(value instanceof Number n)) {
                    return Optional.of("must be a number, got " + describe(value));
                }
                if (type == Type.WHOLE && !(value instanceof Long)) {
                    return Optional.of("must be a whole number, got " + value);
                }
                double d = n.doubleValue();
                if (!Double.isFinite(d) || (min != null && d < min) || (max != null && d > max)) {
                    return Optional.of("must be " + range() + ", got " + value);
                }
                return Optional.empty();
            }
            case TEXT -> {
                return value instanceof String s && !s.isBlank()
                        ? Optional.empty() : Optional.of("must be a non-blank string, got " + describe(value));
            }
            case CHOICE -> {
                return value instanceof String s && choices.contains(s)
                        ? Optional.empty()
                        : Optional.of("must be one of " + String.join(", ", choices) + ", got " + describe(value));
            }
            default -> throw new AssertionError(type);
        }
    }

    private String range() {
        String kind = type == Type.WHOLE ? "a whole number" : "a number";
        if (min != null && max != null) {
            return kind + " from " + plain(min) + " to " + plain(max);
        }
        return min != null ? kind + " >= " + plain(min) : kind;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
