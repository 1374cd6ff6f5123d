package org.threadline.synth.names;

import java.util.List;
import java.util.Objects;

/**
 * A person's full legal name as the DfE census asks for it: the forename in full, every middle name, and the legal surname.
 *
 * @param forename    the first given name, never a familiar form
 * @param middleNames zero or more further given names, in order (Sikh Singh/Kaur may appear here)
 * @param surname     the legal surname; may be hyphenated ("Smith-Jones") or two words ("Smith Jones")
 */
public record PersonName(String forename, List<String> middleNames, String surname) {

    public PersonName {
        Objects.requireNonNull(forename, "forename");
        Objects.requireNonNull(surname, "surname");
        middleNames = List.copyOf(middleNames);
    }

    /** The name in Western order, "Forename Middle Surname", as most agencies print it. */
    public String fullName() {
        StringBuilder b = new StringBuilder(forename);
        for (String m : middleNames) {
            b.append(' ').append(m);
        }
        return b.append(' ').append(surname).toString();
    }

    /** The same person under a new surname, for marriage, partnership or a change of name. */
    public PersonName withSurname(String newSurname) {
        return new PersonName(forename, middleNames, newSurname);
    }
}
