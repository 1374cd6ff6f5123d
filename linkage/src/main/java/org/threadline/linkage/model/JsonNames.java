package org.threadline.linkage.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enum constants appear in documents in lower snake case: {@code JARO_WINKLER} is {@code "jaro_winkler"}. */
final class JsonNames {
    private JsonNames() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Exact (case-sensitive) lookup: a document has one spelling for each value. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String json) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(json)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(JsonNames::of).collect(Collectors.joining(", "));
    }
}
