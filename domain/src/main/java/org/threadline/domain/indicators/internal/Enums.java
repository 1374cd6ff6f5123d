package org.threadline.domain.indicators.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enum values as YAML writes them: lower case with underscores ({@code household_adult}) or upper case. */
final class Enums {
    private Enums() {
    }

    static <E extends Enum<E>> Optional<E> of(Class<E> type, String text, String path, Problems problems) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        problems.add(path, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
        return Optional.empty();
    }
}
