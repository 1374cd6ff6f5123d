package org.threadline.synth.extracts;

import java.util.Locale;

/**
 * Phone numbers from Ofcom's ranges reserved for drama (07700 900000-900999 and 0121 496 0000-0999), so no real
 * number is ever printed. Numbers belong to households, so family members share them, as in real records; with only
 * 2,000 numbers, unrelated households share them too, which keeps phone a weak identifier.
 */
final class Phones {
    private Phones() {
    }

    static String forHousehold(ExtractContext ctx, int person, int day) {
        long address = ctx.lineage().addressOn(person, day);
        if (address < 0) {
            return "";
        }
        long n = ctx.keys().hash("phone", address) % 2000;
        return n < 1000 ? String.format(Locale.ROOT, "07700 900%03d", n) : String.format(Locale.ROOT, "0121 496 %04d", n - 1000);
    }
}
