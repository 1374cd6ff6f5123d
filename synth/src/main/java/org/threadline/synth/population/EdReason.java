package org.threadline.synth.population;

/** Why someone attended an emergency department; assault and self-harm carry safeguarding meaning. */
public enum EdReason {
    ILLNESS, ACCIDENTAL_INJURY, ASSAULT, DOMESTIC_ASSAULT, SELF_HARM, ALCOHOL, DRUGS
}
