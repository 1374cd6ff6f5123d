package org.threadline.domain.indicators.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threadline.domain.indicators.FactTest;
import org.threadline.domain.indicators.Parameter;

/** A fact test with its values upper-cased and its threshold resolved once, at compile time. */
final class CompiledFact {
    private final String fact;
    private final FactTest.Op op;
    private final String[] values;
    private final double number;

    CompiledFact(FactTest test, Map<String, Parameter> parameters) {
        this.fact = test.fact();
        this.op = test.op();
        this.values = test.values().stream().map(CompiledFact::norm).toArray(String[]::new);
        this.number = test.number().map(a -> a.resolve(parameters)).orElse(0.0);
    }

    static String norm(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }

    boolean test(Map<String, String> facts) {
        String raw = facts.get(fact);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        String v = norm(raw);
        switch (op) {
            case PRESENT:
                return true;
            case IN:
                for (String x : values) {
                    if (v.equals(x)) {
                        return true;
                    }
                }
                return false;
            case CONTAINS:
                for (String x : values) {
                    if (v.contains(x)) {
                        return true;
                    }
                }
                return false;
            case STARTS_WITH:
                for (String x : values) {
                    if (v.startsWith(x)) {
                        return true;
                    }
                }
                return false;
            case HAS_ANY:
                for (String item : items(v)) {
                    for (String x : values) {
                        if (item.equals(x)) {
                            return true;
                        }
                    }
                }
                return false;
            case AT_LEAST:
                return number(v).map(d -> d >= number).orElse(false);
            default:
                throw new IllegalStateException(op.name());
        }
    }

    /** A coded list's items: feeds separate them with commas, semicolons or bars. */
    static List<String> items(String v) {
        return List.of(v.split("\\s*[,;|]\\s*"));
    }

    static java.util.Optional<Double> number(String v) {
        try {
            return java.util.Optional.of(Double.parseDouble(v.strip()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
