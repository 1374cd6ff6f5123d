package org.threadline.linkage.comparison;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Double Metaphone codes for names, and whether two names sound alike.
 *
 * <p>Double Metaphone gives a primary code and, where a name has a second plausible pronunciation (Schmidt:
 * XMT / SMT), an alternate. Two names agree phonetically when any code of one equals any code of the other. It
 * catches spelling variants that an edit distance scores poorly (Catherine / Kathryn both K0RN) but not every
 * pair a person would call alike: Thompson is TMPS and Thomson TMSN, Sean SN and Shaun XN.
 *
 * <p>Encoding is delegated to commons-codec (4-character codes, its default) and is far slower than comparing,
 * so compute {@link #doubleMetaphone} and {@link #alternate} once per record and compare the stored codes with
 * {@link #codesMatch} per pair. {@link #matches} encodes on each call and is for tests and one-off checks.
 */
public final class Phonetic {

    /**
     * Shared and never reconfigured: commons-codec documents the encoder as thread-safe as long as its maximum
     * code length is not changed.
     */
    private static final DoubleMetaphone ENCODER = new DoubleMetaphone();

    private Phonetic() {
    }

    /** Returns the primary Double Metaphone code of a name, or "" when it is null or has nothing to encode. */
    public static String doubleMetaphone(String name) {
        return orEmpty(name == null ? null : ENCODER.doubleMetaphone(name, false));
    }

    /** Returns the alternate Double Metaphone code (often the primary again), or "" as {@link #doubleMetaphone}. */
    public static String alternate(String name) {
        return orEmpty(name == null ? null : ENCODER.doubleMetaphone(name, true));
    }

    /**
     * Returns whether precomputed codes agree: any non-empty code of A equals any code of B. The per-pair call.
     */
    public static boolean codesMatch(String primaryA, String alternateA, String primaryB, String alternateB) {
        return agrees(primaryA, primaryB) || agrees(primaryA, alternateB)
                || agrees(alternateA, primaryB) || agrees(alternateA, alternateB);
    }

    /** Returns whether two names sound alike, encoding both on each call (see the class note). */
    public static boolean matches(String a, String b) {
        return codesMatch(doubleMetaphone(a), alternate(a), doubleMetaphone(b), alternate(b));
    }

    private static boolean agrees(String codeA, String codeB) {
        return !codeA.isEmpty() && codeA.equals(codeB);
    }

    private static String orEmpty(String code) {
        return code == null ? "" : code;
    }
}
