package org.threadline.synth.population;

/** What happened. Each agency's extract renders the kinds it would know about. */
public enum EventKind {
    /** A domestic abuse incident reported to police (victim, suspect, children present). */
    DOMESTIC_ABUSE_INCIDENT,
    /** A non-domestic offence with the person as suspect/offender; {@code code} indexes the offence table. */
    CRIME,
    /** The person was assaulted (victim) outside the home. */
    ASSAULTED,
    /** Arrest and custody; {@code code}: 0 charged, 1 cautioned, 2 no further action, 3 released under investigation. */
    ARREST,
    /** A court sentence; {@code code}: 0 custody, 1 community order, 2 suspended, 3 youth referral order, 4 youth rehabilitation order. */
    SENTENCE,
    /** A missing episode; {@code endDay} is the day found; {@code code} 1 when from care. */
    MISSING_EPISODE,
    /** An emergency department attendance; {@code code} an {@link EdReason} ordinal. */
    ED_ATTENDANCE,
    /** A health visitor contact about a young child; {@code code} the contact number 0..4. */
    HEALTH_VISITOR_CONTACT,
    /** A referral to children's social care; {@code code} an outcome level 0 NFA, 1 CIN, 2 s47/CP plan, 3 care. */
    SOCIAL_CARE_REFERRAL,
    /** A looked-after placement from {@code day} to {@code endDay}; {@code code} the placement number in care. */
    CARE_PLACEMENT,
    /** A school year with its absence rate in {@code value} and the school number in {@code code}. */
    SCHOOL_YEAR,
    /** A suspension ({@code code} 0) or permanent exclusion ({@code code} 1). */
    EXCLUSION,
    /** A homelessness application; {@code code} a {@link HomelessReason} ordinal. */
    HOMELESSNESS_APPLICATION,
    /** A substance misuse treatment episode from {@code day} to {@code endDay}; {@code code} 0 drugs, 1 alcohol. */
    SUBSTANCE_TREATMENT,
    /** Police intelligence or a social care concern about exploitation; {@code code} 0 criminal, 1 sexual. */
    EXPLOITATION_CONCERN
}
