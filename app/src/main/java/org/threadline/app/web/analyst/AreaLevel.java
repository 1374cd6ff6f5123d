package org.threadline.app.web.analyst;

import java.util.Comparator;
import java.util.Optional;
import org.threadline.domain.identifiers.Postcode;

/** How finely people are placed: by the postcode area or the postcode district of their latest known address. */
public enum AreaLevel {
    AREA("Postcode area", "postcode area"),
    DISTRICT("Postcode district", "postcode district");

    /** Where someone with no valid postcode is counted (a row of the table; not drawn on the chart or map). */
    public static final String UNKNOWN = "No known postcode";

    private final String label;
    private final String words;

    AreaLevel(String label, String words) {
        this.label = label;
        this.words = words;
    }

    public String label() {
        return label;
    }

    /** In a sentence: "postcode district". */
    public String words() {
        return words;
    }

    /** The area a postcode falls in at this level, or {@link #UNKNOWN}. */
    public String of(String postcode) {
        Optional<Postcode> p = Postcode.parse(postcode == null ? "" : postcode);
        return p.filter(x -> !x.isPseudo()).map(x -> this == AREA ? x.area() : x.district()).orElse(UNKNOWN);
    }

    public static Optional<AreaLevel> parse(String value) {
        for (AreaLevel l : values()) {
            if (l.name().equals(value)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** Postcode order: letters, then the district number as a number (B2 before B10), then any suffix. */
    public static final Comparator<String> POSTCODE_ORDER = Comparator
            .comparing((String s) -> s.equals(UNKNOWN))
            .thenComparing(AreaLevel::letters)
            .thenComparingInt(AreaLevel::number)
            .thenComparing(Comparator.naturalOrder());

    static String letters(String s) {
        int i = 0;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    static int number(String s) {
        int i = letters(s).length();
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        return j == i ? -1 : Integer.parseInt(s.substring(i, j));
    }
}
