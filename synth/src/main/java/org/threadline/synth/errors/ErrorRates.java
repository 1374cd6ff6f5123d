package org.threadline.synth.errors;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The rate of each error kind: the chance that one eligible value is corrupted that way. */
public final class ErrorRates {
    private final EnumMap<ErrorKind, Double> rates;

    private ErrorRates(EnumMap<ErrorKind, Double> rates) {
        this.rates = rates;
    }

    /** Every kind at its documented default rate. */
    public static ErrorRates defaults() {
        EnumMap<ErrorKind, Double> map = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            map.put(k, k.defaultRate());
        }
        return new ErrorRates(map);
    }

    /** No errors at all: clean extracts (useful to see the truth as agencies would hold it perfectly). */
    public static ErrorRates none() {
        return defaults().scaled(0);
    }

    public double rate(ErrorKind kind) {
        return rates.get(kind);
    }

    /** All rates multiplied by {@code factor} (capped at 1). */
    public ErrorRates scaled(double factor) {
        if (factor < 0 || Double.isNaN(factor)) {
            throw new IllegalArgumentException("error scale must be 0 or more, was " + factor);
        }
        EnumMap<ErrorKind, Double> map = new EnumMap<>(rates);
        map.replaceAll((k, v) -> Math.min(1, v * factor));
        return new ErrorRates(map);
    }

    /**
     * Overrides rates from {@code kind=rate} strings such as {@code name-typo=0.05}; every bad entry is reported
     * in one exception.
     */
    public ErrorRates with(List<String> overrides) {
        EnumMap<ErrorKind, Double> map = new EnumMap<>(rates);
        List<String> problems = new ArrayList<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            ErrorKind kind = eq < 0 ? null : find(o.substring(0, eq).trim());
            if (kind == null) {
                problems.add("'" + o + "': expected KIND=RATE with KIND one of " + names());
                continue;
            }
            try {
                double rate = Double.parseDouble(o.substring(eq + 1).trim());
                if (rate < 0 || rate > 1) {
                    problems.add("'" + o + "': a rate is between 0 and 1");
                } else {
                    map.put(kind, rate);
                }
            } catch (NumberFormatException e) {
                problems.add("'" + o + "': '" + o.substring(eq + 1).trim() + "' is not a number");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("bad --error-rate: " + String.join("; ", problems));
        }
        return new ErrorRates(map);
    }

    public Map<ErrorKind, Double> asMap() {
        return Map.copyOf(rates);
    }

    private static ErrorKind find(String name) {
        for (ErrorKind k : ErrorKind.values()) {
            if (k.optionName().equalsIgnoreCase(name) || k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    private static String names() {
        List<String> names = new ArrayList<>();
        for (ErrorKind k : ErrorKind.values()) {
            names.add(k.optionName());
        }
        return String.join(", ", names);
    }
}
