package org.threadline.synth.extracts;

import org.threadline.synth.places.Address;

/**
 * A fictional school serving a postcode district: two primaries and two secondaries per district, chosen by the
 * address, with a six-digit URN in the range real URNs use and a name from the locality.
 */
record School(String urn, String name) {

    static School serving(ExtractContext ctx, Address home, int phase) {
        if (home == null) {
            return new School("", "");
        }
        String district = home.postcode().substring(0, home.postcode().indexOf(' '));
        int which = (int) (home.uprn() % 2);
        long key = ctx.keys().hash("school-" + phase + "-" + which, district.hashCode());
        String urn = Long.toString(100_000 + key % 900_000);
        String suffix = phase == 0 ? (which == 0 ? "Primary School" : "Junior and Infant School")
                : (which == 0 ? "Academy" : "High School");
        return new School(urn, home.locality() + " " + suffix);
    }
}
