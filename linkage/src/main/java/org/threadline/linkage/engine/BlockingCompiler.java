package org.threadline.linkage.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.threadline.linkage.blocking.KeyPart;
import org.threadline.linkage.comparison.Phonetic;
import org.threadline.linkage.model.BlockingKey;
import org.threadline.linkage.model.BlockingRule;
import org.threadline.linkage.model.BlockingTransform;

/** Turns a model's blocking rules into key parts for the {@link org.threadline.linkage.blocking.Blocker}. */
final class BlockingCompiler {
    private BlockingCompiler() {
    }

    static List<List<KeyPart>> compile(List<BlockingRule> rules) {
        List<List<KeyPart>> out = new ArrayList<>();
        for (BlockingRule rule : rules) {
            List<KeyPart> parts = new ArrayList<>();
            for (BlockingKey key : rule.keys()) {
                parts.add(new KeyPart(key.column(), transform(key.transform())));
            }
            out.add(parts);
        }
        return out;
    }

    static UnaryOperator<String> transform(BlockingTransform t) {
        return switch (t) {
            case NONE -> UnaryOperator.identity();
            case FIRST_1 -> v -> first(v, 1);
            case FIRST_3 -> v -> first(v, 3);
            case FIRST_5 -> v -> first(v, 5);
            case YEAR -> v -> isoPart(v, 0, 4);
            case YEAR_MONTH -> v -> isoPart(v, 0, 7);
            case MONTH_DAY -> v -> isoPart(v, 5, 10);
            case POSTCODE_DISTRICT -> BlockingCompiler::district;
            case POSTCODE_SECTOR -> BlockingCompiler::sector;
            case DOUBLE_METAPHONE -> Phonetic::doubleMetaphone;
            case SORTED_DIGITS -> BlockingCompiler::sortedDigits;
        };
    }

    private static String first(String v, int n) {
        return v.length() <= n ? v : v.substring(0, n);
    }

    /** A part of an ISO date; values that are not ISO dates give no key rather than a wrong one. */
    private static String isoPart(String v, int from, int to) {
        return v.length() >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-' ? v.substring(from, to) : null;
    }

    private static String district(String postcode) {
        String p = postcode.strip().toUpperCase(java.util.Locale.ROOT);
        if (p.startsWith("ZZ99")) {
            return null;
        }
        int space = p.indexOf(' ');
        return space > 0 ? p.substring(0, space) : p.length() > 3 ? p.substring(0, p.length() - 3) : p;
    }

    private static String sector(String postcode) {
        String d = district(postcode);
        if (d == null) {
            return null;
        }
        String compact = postcode.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        return compact.length() > d.length() ? d + " " + compact.charAt(d.length()) : null;
    }

    private static String sortedDigits(String v) {
        char[] digits = v.replaceAll("\\D", "").toCharArray();
        Arrays.sort(digits);
        return new String(digits);
    }
}
