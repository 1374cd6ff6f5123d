package org.threadline.domain.identifiers;

import java.util.Objects;

/**
 * The result of checking one raw identifier value: what was given, its normalised form, and why it is valid, pseudo
 * or invalid. Rules return their reasons so that data-quality reports can say what is wrong, not just that something is.
 *
 * @param input       the raw value as supplied ({@code ""} for null)
 * @param normalised  the value after normalisation; for an invalid value, the best-effort cleaned form
 * @param reason      why the check came out as it did; it determines {@link #verdict()}
 * @param explanation a short human-readable account, e.g. "expected check digit 8, found 9"
 */
public record IdentifierCheck(String input, String normalised, CheckReason reason, String explanation) {

    public IdentifierCheck {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(normalised, "normalised");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }

    static IdentifierCheck ok(String input, String normalised) {
        return new IdentifierCheck(input, normalised, CheckReason.OK, "valid");
    }

    static IdentifierCheck of(String input, String normalised, CheckReason reason, String explanation) {
        return new IdentifierCheck(input, normalised, reason, explanation);
    }

    /** VALID, PSEUDO or INVALID. */
    public Verdict verdict() {
        return reason.verdict();
    }

    /** True only for {@link Verdict#VALID}; a pseudo value is not a valid identifier. */
    public boolean isValid() {
        return verdict() == Verdict.VALID;
    }

    /** True when the value is valid but carries a note worth reporting, e.g. a legacy blank NINO suffix. */
    public boolean isFlagged() {
        return isValid() && reason != CheckReason.OK;
    }

    /** Throws unless the value checked was valid and already normalised: the guard of an identifier record. */
    void requireValidNormalised(String kind) {
        if (!isValid() || !normalised().equals(input())) {
            throw new IllegalArgumentException("not a normalised " + kind + ": " + input() + " (" + reason() + ")");
        }
    }

    /** The identifier made from the normalised value, when the check passed. */
    <T> java.util.Optional<T> ifValid(java.util.function.Function<String, T> make) {
        return isValid() ? java.util.Optional.of(make.apply(normalised())) : java.util.Optional.empty();
    }
}
