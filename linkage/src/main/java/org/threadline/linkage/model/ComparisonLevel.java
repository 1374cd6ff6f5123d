package org.threadline.linkage.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One rung of a comparison's ladder. A pair takes the first level that holds for it.
 *
 * <p>Parameter values are {@code Long} (whole numbers), {@code Double} (decimals) or {@code String}; other numbers
 * are normalised on construction, and a whole number given for a decimal parameter of the kind becomes a
 * {@code Double}. The map is kept sorted by key, the order in which the document lists it.
 *
 * @param label        a name unique within the comparison, shown in explanations
 * @param kind         what the level tests
 * @param parameters   the kind's parameters ({@link LevelKind#parameters()})
 * @param mProbability P(level | match); null until trained, always null for {@link LevelKind#NULL}
 * @param uProbability P(level | non-match); null until trained, always null for {@link LevelKind#NULL}
 */
public record ComparisonLevel(String label, LevelKind kind, Map<String, Object> parameters, Double mProbability,
                              Double uProbability) {

    /** Parameter of {@link LevelKind#JARO_WINKLER}. */
    public static final String THRESHOLD = "threshold";
    /** Parameter of {@link LevelKind#DAMERAU_LEVENSHTEIN}. */
    public static final String MAX_DISTANCE = "max_distance";
    /** Parameter of {@link LevelKind#FAMILIAR_NAME}. */
    public static final String ALIAS_TABLE = "alias_table";
    /** Parameter of {@link LevelKind#DATE_WITHIN_DAYS}. */
    public static final String DAYS = "days";
    /** Parameter of the identifier levels: an {@link IdentifierValidator} name. */
    public static final String VALIDATOR = "validator";
    /** Parameter of {@link LevelKind#IN_OTHER_COLUMN}: the other record's column to look in. */
    public static final String COLUMN = "column";
    /** Parameter of {@link LevelKind#ARRAY_OVERLAP}. */
    public static final String MIN = "min";

    public ComparisonLevel {
        parameters = normalise(kind, parameters);
    }

    /** An untrained level. */
    public static ComparisonLevel of(String label, LevelKind kind, Map<String, ?> parameters) {
        return new ComparisonLevel(label, kind, Map.copyOf(parameters), null, null);
    }

    /** This level with trained m and u. */
    public ComparisonLevel withProbabilities(double m, double u) {
        return new ComparisonLevel(label, kind, parameters, m, u);
    }

    /** This level without m and u. */
    public ComparisonLevel withoutProbabilities() {
        return new ComparisonLevel(label, kind, parameters, null, null);
    }

    /** Whether m and u are both present. */
    public boolean isTrained() {
        return mProbability != null && uProbability != null;
    }

    /** log2(m/u), the weight a pair at this level adds; empty until trained. */
    public OptionalDouble matchWeight() {
        return isTrained()
                ? OptionalDouble.of(Math.log(mProbability / uProbability) / Math.log(2)) : OptionalDouble.empty();
    }

    /** A decimal parameter such as {@link #THRESHOLD}. */
    public double decimal(String name) {
        return ((Number) required(name)).doubleValue();
    }

    /** A whole-number parameter such as {@link #DAYS}. */
    public long whole(String name) {
        return ((Number) required(name)).longValue();
    }

    /** A text or choice parameter such as {@link #ALIAS_TABLE}. */
    public String text(String name) {
        return required(name).toString();
    }

    /** The {@link #VALIDATOR} parameter of an identifier level. */
    public IdentifierValidator validator() {
        return JsonNames.parse(IdentifierValidator.class, text(VALIDATOR))
                .orElseThrow(() -> new NoSuchElementException("unknown validator " + parameters.get(VALIDATOR)));
    }

    private Object required(String name) {
        Object value = parameters.get(name);
        if (value == null) {
            throw new NoSuchElementException("level '" + label + "' has no parameter " + name);
        }
        return value;
    }

    private static Map<String, Object> normalise(LevelKind kind, Map<String, ?> parameters) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        if (parameters != null) {
            parameters.forEach((name, value) -> sorted.put(Objects.requireNonNull(name, "parameter name"),
                    normaliseValue(kind, name, Objects.requireNonNull(value, name))));
        }
        return Collections.unmodifiableMap(sorted);
    }

    private static Object normaliseValue(LevelKind kind, String name, Object value) {
        boolean decimal = kind != null && kind.parameters().stream()
                .anyMatch(p -> p.name().equals(name) && p.type() == ParameterSpec.Type.DECIMAL);
        if (value instanceof String) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger) {
            long whole = ((Number) value).longValue();
            return decimal ? (Object) (double) whole : (Object) whole;
        }
        if (value instanceof Float || value instanceof Double || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Enum<?> e) {
            return JsonNames.of(e);
        }
        throw new IllegalArgumentException("parameter " + name + ": unsupported value " + value);
    }
}
