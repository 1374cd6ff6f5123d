package org.threadline.intake.standardise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Coded fields: sex/gender (every agency's own coding folded to M, F, or missing) and ethnicity (DfE codes, from the
 * code or its description). "Not known", "refused" and "not obtained" are MISSING with their reason, not INVALID.
 */
public final class CodeStandardiser {
    private static final Map<String, String> SEX = Map.ofEntries(Map.entry("M", "M"), Map.entry("MALE", "M"),
            Map.entry("1", "M"), Map.entry("MAN", "M"), Map.entry("BOY", "M"), Map.entry("F", "F"),
            Map.entry("FEMALE", "F"), Map.entry("2", "F"), Map.entry("WOMAN", "F"), Map.entry("GIRL", "F"));
    private static final Set<String> SEX_NOT_KNOWN = Set.of("U", "UNKNOWN", "NOT KNOWN", "NK", "0", "9",
            "NOT STATED", "NOT SPECIFIED", "PREFER NOT TO SAY", "I", "INDETERMINATE");
    private static final Set<String> ETHNICITY_NOT_KNOWN = Set.of("REFU", "NOBT");

    private final Map<String, String> ethnicity = new HashMap<>();

    public CodeStandardiser() {
        try (InputStream in = CodeStandardiser.class.getResourceAsStream("dfe-ethnicity.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource dfe-ethnicity.csv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int comma = line.indexOf(',');
                String code = line.substring(0, comma);
                ethnicity.put(code, code);
                ethnicity.put(line.substring(comma + 1).strip().toUpperCase(Locale.ROOT), code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StandardisedValue sex(String raw) {
        if (StandardisedValue.blank(raw)) {
            return StandardisedValue.missing(raw);
        }
        String key = raw.strip().toUpperCase(Locale.ROOT);
        if (SEX.containsKey(key)) {
            return StandardisedValue.ok(raw, SEX.get(key));
        }
        return SEX_NOT_KNOWN.contains(key) ? new StandardisedValue(raw, "", Outcome.MISSING, "recorded as not known")
                : new StandardisedValue(raw, raw.strip(), Outcome.INVALID, "not a sex or gender code");
    }

    /** A DfE ethnicity code (WBRI, APKN …) from a code in any case or its description. */
    public StandardisedValue ethnicity(String raw) {
        if (StandardisedValue.blank(raw)) {
            return StandardisedValue.missing(raw);
        }
        String code = ethnicity.get(raw.strip().toUpperCase(Locale.ROOT));
        if (code == null) {
            return new StandardisedValue(raw, raw.strip(), Outcome.INVALID, "not a DfE ethnicity code");
        }
        return ETHNICITY_NOT_KNOWN.contains(code)
                ? new StandardisedValue(raw, code, Outcome.MISSING, code.equals("REFU") ? "refused" : "not obtained")
                : StandardisedValue.ok(raw, code);
    }
}
