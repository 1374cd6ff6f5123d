package org.threadline.intake.standardise;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK phone numbers (to E.164, +44…) and email addresses (trimmed, lower case, shape checked). */
public final class ContactStandardiser {
    private static final Pattern EMAIL = Pattern.compile("^[a-z0-9._%+'\\-]+@[a-z0-9\\-]+(\\.[a-z0-9\\-]+)*\\.[a-z]{2,}$");

    public StandardisedValue phone(String raw) {
        if (StandardisedValue.blank(raw)) {
            return StandardisedValue.missing(raw);
        }
        String digits = raw.strip().replaceAll("[\\s()\\-.]", "");
        if (digits.startsWith("+44")) {
            digits = "0" + digits.substring(3).replaceFirst("^\\(?0\\)?", "");
        } else if (digits.startsWith("0044")) {
            digits = "0" + digits.substring(4);
        }
        if (!digits.matches("0\\d{9,10}")) {
            return new StandardisedValue(raw, raw.strip(), Outcome.INVALID, "not a UK phone number");
        }
        return StandardisedValue.ok(raw, "+44" + digits.substring(1));
    }

    public StandardisedValue email(String raw) {
        if (StandardisedValue.blank(raw)) {
            return StandardisedValue.missing(raw);
        }
        String e = raw.strip().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(e).matches() ? StandardisedValue.ok(raw, e)
                : new StandardisedValue(raw, raw.strip(), Outcome.INVALID, "not an email address");
    }
}
