package org.threadline.synth.extracts;

import java.util.ArrayList;
import java.util.List;
import org.threadline.synth.population.Adversity;
import org.threadline.synth.population.Person;

/** The support needs a housing or probation officer would record from a person's live adversities. */
final class SupportNeeds {
    private SupportNeeds() {
    }

    static String of(Person p, int day) {
        List<String> needs = new ArrayList<>();
        if (p.inSpell(Adversity.DOMESTIC_ABUSE_VICTIM, day) || p.hadSpell(Adversity.DOMESTIC_ABUSE_VICTIM,
                day - 90, day + 1)) {
            needs.add("At risk of / has experienced domestic abuse");
        }
        if (p.inSpell(Adversity.DRUG_MISUSE, day)) {
            needs.add("Drug dependency needs");
        }
        if (p.inSpell(Adversity.ALCOHOL_MISUSE, day)) {
            needs.add("Alcohol dependency needs");
        }
        if (p.inSpell(Adversity.MENTAL_ILL_HEALTH, day)) {
            needs.add("History of mental health problems");
        }
        if (p.hadSpell(Adversity.IMPRISONMENT, day - 365, day + 1)) {
            needs.add("Offending history");
        }
        if (p.hadSpell(Adversity.LOOKED_AFTER, day - 365 * 3, day + 1)) {
            needs.add("Care leaver");
        }
        return String.join("|", needs);
    }
}
