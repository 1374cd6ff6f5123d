package org.threadline.synth.population;

/** The true adversities and states a person lives through; spells of them drive what agencies later record. */
public enum Adversity {
    DOMESTIC_ABUSE_VICTIM,
    DOMESTIC_ABUSE_PERPETRATOR,
    DRUG_MISUSE,
    ALCOHOL_MISUSE,
    MENTAL_ILL_HEALTH,
    IMPRISONMENT,
    NEGLECTED,
    POVERTY,
    HOMELESSNESS,
    LOOKED_AFTER,
    EXPLOITED
}
