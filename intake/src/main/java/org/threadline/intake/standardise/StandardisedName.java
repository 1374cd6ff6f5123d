package org.threadline.intake.standardise;

import java.util.List;

/**
 * A person's name as standardised: upper case, no diacritics, one kind of hyphen and apostrophe, titles and
 * suffixes removed, split into forename, middle names and surname.
 *
 * @param raw         the value(s) as received, joined with " | " when they came in two fields
 * @param forename    the first given name, or empty
 * @param middleNames further given names
 * @param surname     the family name (with particles such as VAN or AL), or empty
 * @param outcome     OK, FLAGGED (e.g. only one name given), or MISSING
 * @param reason      why it is not OK, or empty
 */
public record StandardisedName(String raw, String forename, List<String> middleNames, String surname,
                               Outcome outcome, String reason) {
    public StandardisedName {
        middleNames = List.copyOf(middleNames);
    }
}
