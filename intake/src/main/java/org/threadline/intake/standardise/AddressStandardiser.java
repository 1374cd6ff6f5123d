package org.threadline.intake.standardise;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.threadline.domain.identifiers.IdentifierCheck;
import org.threadline.domain.identifiers.Postcode;

/**
 * Postcodes (normalised, checked, with sector, district and area; NHS pseudo-postcodes such as ZZ99 3VZ "no fixed
 * abode" are kept and flagged, never treated as a place), UPRNs, and an address line folded for comparison.
 */
public final class AddressStandardiser {
    private static final Pattern UPRN = Pattern.compile("^0*(\\d{1,12})(\\.0+)?$");
    private static final Pattern POSTCODE_IN_LINE = Pattern.compile(
            "\\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\\b");
    /**
     * Street-type abbreviations expanded so that "12 Oak Rd" and "12 Oak Road" compare equal. ST is left alone: it is
     * as often SAINT (St Mary's Road) as STREET.
     */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("RD", "ROAD"),
            Map.entry("AVE", "AVENUE"), Map.entry("AV", "AVENUE"), Map.entry("LN", "LANE"),
            Map.entry("CL", "CLOSE"), Map.entry("DR", "DRIVE"), Map.entry("CRES", "CRESCENT"),
            Map.entry("GRO", "GROVE"), Map.entry("GDNS", "GARDENS"), Map.entry("CT", "COURT"),
            Map.entry("PL", "PLACE"), Map.entry("SQ", "SQUARE"), Map.entry("TER", "TERRACE"),
            Map.entry("TCE", "TERRACE"), Map.entry("HSE", "HOUSE"), Map.entry("APT", "FLAT"));

    public StandardisedPostcode postcode(String raw) {
        if (StandardisedValue.blank(raw)) {
            return new StandardisedPostcode(raw, "", "", "", "", Outcome.MISSING, "blank");
        }
        IdentifierCheck check = Postcode.check(raw);
        Optional<Postcode> parsed = Postcode.parse(raw);
        if (parsed.isEmpty()) {
            return new StandardisedPostcode(raw, raw.strip().toUpperCase(Locale.ROOT), "", "", "", Outcome.INVALID,
                    check.explanation());
        }
        Postcode p = parsed.get();
        if (p.isPseudo()) {
            return new StandardisedPostcode(raw, p.value(), "", "", "", Outcome.FLAGGED,
                    "NHS pseudo-postcode: " + p.pseudoMeaning().orElse("meaning not listed"));
        }
        return new StandardisedPostcode(raw, p.value(), p.sector(), p.district(), p.area(), Outcome.OK, "");
    }

    /** A UPRN: up to 12 digits (leading zeros and a spreadsheet's ".0" dropped); no check digit exists. */
    public StandardisedValue uprn(String raw) {
        if (StandardisedValue.blank(raw)) {
            return StandardisedValue.missing(raw);
        }
        Matcher m = UPRN.matcher(raw.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            return new StandardisedValue(raw, raw.strip(), Outcome.INVALID, "a UPRN is 1-12 digits");
        }
        return StandardisedValue.ok(raw, Long.toString(Long.parseLong(m.group(1))));
    }

    /**
     * An address line for comparison: upper case, punctuation folded to spaces, street-type abbreviations expanded,
     * the postcode removed (it is compared separately).
     */
    public StandardisedValue line(String raw) {
        if (StandardisedValue.blank(raw)) {
            return StandardisedValue.missing(raw);
        }
        String s = raw.toUpperCase(Locale.ROOT);
        s = POSTCODE_IN_LINE.matcher(s).replaceAll(" ");
        s = s.replaceAll("[^A-Z0-9 ]", " ").replaceAll("\\s+", " ").strip();
        StringBuilder b = new StringBuilder();
        for (String word : s.split(" ")) {
            b.append(b.length() == 0 ? "" : " ").append(ABBREVIATIONS.getOrDefault(word, word));
        }
        return b.length() == 0 ? StandardisedValue.missing(raw) : StandardisedValue.ok(raw, b.toString());
    }
}
