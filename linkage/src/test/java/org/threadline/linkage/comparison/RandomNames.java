package org.threadline.linkage.comparison;

import java.util.SplittableRandom;

/** Seeded generators of strings for the property tests: random strings, real-looking names and their typos. */
final class RandomNames {

    static final String[] NAMES = {
        "SMITH", "SMYTH", "JONES", "JOHNSON", "WILLIAMS", "TAYLOR", "BROWN", "DAVIES", "EVANS", "WILSON",
        "THOMAS", "THOMPSON", "THOMSON", "ROBERTS", "ROBINSON", "WRIGHT", "WALKER", "WHITE", "EDWARDS", "HUGHES",
        "GREEN", "HALL", "LEWIS", "HARRIS", "CLARKE", "CLARK", "PATEL", "KHAN", "AHMED", "HUSSAIN",
        "MOHAMMED", "MUHAMMAD", "CATHERINE", "KATHRYN", "KATIE", "MARTHA", "DWAYNE", "DUANE", "DIXON", "DICKSON",
        "OLIVER", "OLIVIA", "AMELIA", "ISLA", "GEORGE", "NOAH", "ARTHUR", "MUHAMMED", "LEO", "HARRY",
        "SIOBHAN", "NIAMH", "AOIFE", "CIARAN", "OLUWASEUN", "CHIDINMA", "NGUYEN", "KOWALSKI", "NOWAK", "O'BRIEN",
        "SMITH-JONES", "ANNE MARIE", "JO", "AL", "LI", "WU", "MACDONALD", "MCDONALD", "STEPHENSON", "STEVENSON",
    };

    private RandomNames() {
    }

    static String name(SplittableRandom random) {
        return NAMES[random.nextInt(NAMES.length)];
    }

    static String over(SplittableRandom random, String alphabet, int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** One to three random edits: insertion, deletion, substitution or adjacent transposition. */
    static String typo(SplittableRandom random, String s) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int kind = random.nextInt(4);
            char c = (char) ('A' + random.nextInt(26));
            if (kind == 0 || b.length() == 0) {
                b.insert(random.nextInt(b.length() + 1), c);
            } else if (kind == 1) {
                b.deleteCharAt(random.nextInt(b.length()));
            } else if (kind == 2) {
                b.setCharAt(random.nextInt(b.length()), c);
            } else if (b.length() > 1) {
                int i = random.nextInt(b.length() - 1);
                char t = b.charAt(i);
                b.setCharAt(i, b.charAt(i + 1));
                b.setCharAt(i + 1, t);
            }
        }
        return b.toString();
    }
}
