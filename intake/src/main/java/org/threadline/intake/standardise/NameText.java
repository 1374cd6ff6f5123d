package org.threadline.intake.standardise;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds the ways the same name is typed into one comparable form: case, diacritics (Łukasz → LUKASZ), hyphen and
 * apostrophe variants, spacing around hyphens, repeated spaces.
 */
final class NameText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern HYPHENS = Pattern.compile("\\s*[\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]\\s*");
    private static final Pattern APOSTROPHES = Pattern.compile("\\s*['\u2018\u2019\u201B`\u00B4\u02BC]\\s*");
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Z' \\-]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Letters that do not decompose into a base letter plus a mark. */
    private static final Map<String, String> SPECIAL = Map.of("Ł", "L", "Ø", "O", "Đ", "D", "ß", "SS", "Æ", "AE",
            "Œ", "OE", "Þ", "TH", "Ð", "D", "Ħ", "H", "ı", "I");

    private NameText() {
    }

    static String fold(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.strip();
        if (plain(s)) {
            return s.toUpperCase(Locale.ROOT);
        }
        return slowFold(s);
    }

    /**
     * Whether the text is ASCII letters in words separated by single spaces, for which every rule below reduces to
     * upper-casing: most names in most feeds, and this runs for every name of every row loaded.
     */
    static boolean plain(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            if (!letter && !(c == ' ' && i > 0 && s.charAt(i - 1) != ' ')) {
                return false;
            }
        }
        return true;
    }

    /** Every rule, for text that is not {@link #plain}. */
    static String slowFold(String stripped) {
        String s = stripped;
        for (var e : SPECIAL.entrySet()) {
            s = s.replace(e.getKey(), e.getValue()).replace(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toUpperCase(Locale.ROOT);
        s = HYPHENS.matcher(s).replaceAll("-");
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = NOT_NAME.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.replaceAll("^[-']+|[-']+$", "");
    }
}
