package org.threadline.linkage.comparison;

/**
 * UK postcode comparisons at the four levels of the postcode hierarchy, for normalised postcodes (upper case,
 * one space between outward and inward code): full {@code B23 6TH}, sector {@code B23 6}, district {@code B23},
 * area {@code B}. A postcode without its space ({@code B236TH}) is read as outward code plus the last three
 * characters; an outward code alone ({@code B23}) takes part at district and area level only.
 *
 * <p>Each level compares regions of the two strings in place, so nothing is allocated per pair.
 *
 * <p>NHS pseudo-postcodes ({@code ZZ99 3VZ} "no fixed abode", {@code ZZ99 3WZ} "address not known" and the rest
 * of {@code ZZ99}) never agree with anything, each other included: they say where a person is not known to
 * live, and two people sharing one are no more likely to be the same person. Null and empty never agree either.
 */
public final class Postcodes {

    private static final String PSEUDO_PREFIX = "ZZ99";
    private static final int INWARD_LENGTH = 3;
    private static final int MAX_OUTWARD_ONLY = 4;

    private Postcodes() {
    }

    /** Returns whether the two postcodes are the same real postcode. */
    public static boolean sameFull(String a, String b) {
        if (!comparable(a) || !comparable(b)) {
            return false;
        }
        int outA = outwardLength(a);
        int outB = outwardLength(b);
        int inA = a.length() - inwardStart(a, outA);
        return hasInward(a, outA) && hasInward(b, outB) && outA == outB
                && a.regionMatches(0, b, 0, outA)
                && inA == b.length() - inwardStart(b, outB)
                && a.regionMatches(inwardStart(a, outA), b, inwardStart(b, outB), inA);
    }

    /** Returns whether the two postcodes share a sector: the outward code and the inward code's digit. */
    public static boolean sameSector(String a, String b) {
        if (!comparable(a) || !comparable(b)) {
            return false;
        }
        int outA = outwardLength(a);
        int outB = outwardLength(b);
        return hasInward(a, outA) && hasInward(b, outB) && outA == outB
                && a.regionMatches(0, b, 0, outA)
                && a.charAt(inwardStart(a, outA)) == b.charAt(inwardStart(b, outB));
    }

    /** Returns whether the two postcodes share a district: the whole outward code. */
    public static boolean sameDistrict(String a, String b) {
        if (!comparable(a) || !comparable(b)) {
            return false;
        }
        int outA = outwardLength(a);
        return outA == outwardLength(b) && a.regionMatches(0, b, 0, outA);
    }

    /** Returns whether the two postcodes share an area: the letters leading the outward code. */
    public static boolean sameArea(String a, String b) {
        if (!comparable(a) || !comparable(b)) {
            return false;
        }
        int areaA = areaLength(a);
        return areaA > 0 && areaA == areaLength(b) && a.regionMatches(0, b, 0, areaA);
    }

    /** Returns whether a postcode is an NHS pseudo-postcode ({@code ZZ99 ...}), which never agrees. */
    public static boolean isPseudo(String postcode) {
        return postcode != null && postcode.startsWith(PSEUDO_PREFIX);
    }

    private static boolean comparable(String postcode) {
        return postcode != null && !postcode.isEmpty() && !isPseudo(postcode);
    }

    /** Length of the outward code: up to the space, else all but the inward three, else (short) everything. */
    private static int outwardLength(String postcode) {
        int space = postcode.indexOf(' ');
        if (space >= 0) {
            return space;
        }
        return postcode.length() > MAX_OUTWARD_ONLY ? postcode.length() - INWARD_LENGTH : postcode.length();
    }

    private static int inwardStart(String postcode, int outwardLength) {
        return outwardLength < postcode.length() && postcode.charAt(outwardLength) == ' '
                ? outwardLength + 1
                : outwardLength;
    }

    private static boolean hasInward(String postcode, int outwardLength) {
        return outwardLength > 0 && inwardStart(postcode, outwardLength) < postcode.length();
    }

    private static int areaLength(String postcode) {
        int length = 0;
        while (length < postcode.length() && Character.isLetter(postcode.charAt(length))) {
            length++;
        }
        return length;
    }
}
