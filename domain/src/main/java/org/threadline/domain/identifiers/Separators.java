package org.threadline.domain.identifiers;

import java.util.Locale;

/** Shared normalisation steps: which separators each identifier tolerates is decided by its own class. */
final class Separators {

    private Separators() {
    }

    /** Upper-cases (locale-independently) and removes whitespace and every character in {@code separators}. */
    static String strip(String raw, String separators) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && separators.indexOf(c) < 0)
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    static String orEmpty(String raw) {
        return raw == null ? "" : raw;
    }

    static boolean allDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
