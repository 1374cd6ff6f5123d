package org.threadline.intake.standardise;

import java.time.Year;
import org.threadline.domain.identifiers.IdentifierCheck;
import org.threadline.domain.identifiers.NhsNumber;
import org.threadline.domain.identifiers.NiNumber;
import org.threadline.domain.identifiers.PncId;
import org.threadline.domain.identifiers.Upn;
import org.threadline.domain.identifiers.Verdict;

/**
 * NHS number, UPN, PNC ID and NI number, checked with their algorithms (domain identifiers). An invalid one is kept
 * as given (normalised for spacing) and marked INVALID with the reason: it still tells an analyst something.
 */
public final class IdentifierStandardiser {
    private final Year referenceYear;

    /** @param referenceYear the year short PNC IDs are expanded against (the load's year; never the clock) */
    public IdentifierStandardiser(Year referenceYear) {
        this.referenceYear = referenceYear;
    }

    public StandardisedValue nhsNumber(String raw) {
        return from(raw, StandardisedValue.blank(raw) ? null : NhsNumber.check(raw));
    }

    /**
     * A UPN; or one of the "UPN unknown" codes UN1–UN8 of the SSDA903 and CIN returns (UN1: not of school age yet),
     * which say why there is no UPN: missing, with the code as the reason. Kept as a value, one code shared by
     * thousands of children would look like one identifier to linkage.
     */
    public StandardisedValue upn(String raw) {
        if (!StandardisedValue.blank(raw) && UPN_UNKNOWN.matcher(raw.strip()).matches()) {
            return new StandardisedValue(raw, "", Outcome.MISSING,
                    "no UPN: reason code " + raw.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return from(raw, StandardisedValue.blank(raw) ? null : Upn.check(raw));
    }

    private static final java.util.regex.Pattern UPN_UNKNOWN = java.util.regex.Pattern.compile("(?i)UN[1-8]");

    public StandardisedValue niNumber(String raw) {
        return from(raw, StandardisedValue.blank(raw) ? null : NiNumber.check(raw));
    }

    /** PNC IDs in the canonical long form YYYY/NNNNNNNX, short forms expanded by the reference year. */
    public StandardisedValue pncId(String raw) {
        if (StandardisedValue.blank(raw)) {
            return StandardisedValue.missing(raw);
        }
        IdentifierCheck check = PncId.check(raw, referenceYear);
        StandardisedValue v = from(raw, check);
        return v.outcome() == Outcome.INVALID ? v
                : new StandardisedValue(raw, PncId.canonical(raw, referenceYear).orElse(v.value()), v.outcome(),
                        v.reason());
    }

    private static StandardisedValue from(String raw, IdentifierCheck check) {
        if (check == null) {
            return StandardisedValue.missing(raw);
        }
        if (check.verdict() == Verdict.INVALID) {
            return new StandardisedValue(raw, check.normalised(), Outcome.INVALID, check.explanation());
        }
        return check.isFlagged()
                ? new StandardisedValue(raw, check.normalised(), Outcome.FLAGGED, check.explanation())
                : StandardisedValue.ok(raw, check.normalised());
    }
}
