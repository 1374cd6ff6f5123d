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
