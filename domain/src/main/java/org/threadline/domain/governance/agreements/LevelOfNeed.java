package org.threadline.domain.governance.agreements;

/**
 * The continuum of need used by local safeguarding partnerships (levels 1 to 4). Agreements may withhold fields
 * below a threshold: what an early-help worker needs is less than what a child-protection enquiry needs.
 */
public enum LevelOfNeed {
    /** Level 1: needs met by universal services. */
    UNIVERSAL,
    /** Level 2: additional needs, early help. */
    EARLY_HELP,
    /** Level 3: complex needs, child in need / targeted support. */
    TARGETED,
    /** Level 4: acute needs, child protection or specialist services. */
    SPECIALIST
}
