package org.threadline.synth.extracts;

import java.util.List;

/** Every agency whose extract the generator writes, in the order they are written. */
public final class Agencies {
    private Agencies() {
    }

    public static List<AgencyExtract> all() {
        return List.of(new PoliceExtract(), new SchoolsExtract(), new SocialCareExtract(), new HealthExtract(),
                new HousingExtract(), new JusticeExtract(), new SubstanceMisuseExtract());
    }
}
