package org.threadline.synth.output;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces characters a charset cannot encode, the same way every time, so that a windows-1252 extract of the same
 * population is byte-identical run after run.
 *
 * <p>Rule, per code point that the charset cannot encode:
 * <ol>
 *   <li>a fixed table for letters Unicode does not decompose ({@code ł → l}, {@code đ → d}, {@code ı → i},
 *       {@code ħ → h}, {@code ŧ → t}, {@code ŋ → n}, {@code ə → e}) and for dashes and minus signs ({@code → -});</li>
 *   <li>otherwise its canonical decomposition (NFD) without combining marks, if that is encodable
 *       ({@code ő → o}, {@code ș → s}, {@code ệ → e});</li>
 *   <li>otherwise {@code ?} (one per code point, so an emoji becomes one {@code ?}).</li>
 * </ol>
 * UTF-8 encodes everything except lone surrogates, which the JDK's encoder writes as {@code ?}.
 */
final class Transliterator {

    private static final Map<Charset, Transliterator> BY_CHARSET = new ConcurrentHashMap<>();
    private static final Map<Character, String> TABLE = Map.ofEntries(
            Map.entry('ł', "l"), Map.entry('Ł', "L"), Map.entry('đ', "d"), Map.entry('Đ', "D"),
            Map.entry('ı', "i"), Map.entry('ħ', "h"), Map.entry('Ħ', "H"), Map.entry('ŧ', "t"),
            Map.entry('Ŧ', "T"), Map.entry('ŋ', "n"), Map.entry('Ŋ', "N"), Map.entry('ə', "e"),
            Map.entry('Ə', "E"), Map.entry('ĸ', "k"), Map.entry('ſ', "s"), Map.entry('‐', "-"),
            Map.entry('‑', "-"), Map.entry('‒', "-"), Map.entry('−', "-"));

    private final boolean[] encodable;

    private Transliterator(Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        encodable = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            encodable[c] = !Character.isSurrogate((char) c) && encoder.canEncode((char) c);
        }
    }

    /** The transliterator for a charset, or {@code null} when the charset needs none (UTF-8). */
    static Transliterator forCharset(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return null;
        }
        return BY_CHARSET.computeIfAbsent(charset, Transliterator::new);
    }

    /** {@code text} with every unencodable code point replaced; the same instance when nothing needs replacing. */
    String fit(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && encodable[text.charAt(i)]) {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length).append(text, 0, i);
        while (i < length) {
            int codePoint = text.codePointAt(i);
            if (codePoint <= Character.MAX_VALUE && encodable[codePoint]) {
                out.append((char) codePoint);
            } else {
                out.append(replacement(codePoint));
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private String replacement(int codePoint) {
        if (codePoint <= Character.MAX_VALUE) {
            String fixed = TABLE.get((char) codePoint);
            if (fixed != null) {
                return fixed;
            }
        }
        String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(decomposed.length());
        for (int j = 0; j < decomposed.length(); j++) {
            char c = decomposed.charAt(j);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (!encodable[c]) {
                return "?";
            }
            base.append(c);
        }
        return base.isEmpty() ? "?" : base.toString();
    }
}
