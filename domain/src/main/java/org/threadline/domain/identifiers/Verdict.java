package org.threadline.domain.identifiers;

/** The outcome class of an identifier check. */
public enum Verdict {
    /** Well formed and, where the identifier has one, the check character agrees. */
    VALID,
    /**
     * A recognised placeholder that is not a real identifier but carries meaning, such as an NHS pseudo-postcode
     * ({@code ZZ99 3VZ}, no fixed abode). Standardisers should keep it, not discard it as noise.
     */
    PSEUDO,
    /** Not a possible identifier of this kind. */
    INVALID
}
