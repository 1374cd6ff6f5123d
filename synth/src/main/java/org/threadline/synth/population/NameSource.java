package org.threadline.synth.population;

import java.util.random.RandomGenerator;
import org.threadline.synth.names.Heritage;
import org.threadline.synth.names.PersonName;
import org.threadline.synth.names.Sex;

/** Where the simulation gets names and heritage from; the generator adapts the name book to it. */
public interface NameSource {

    /** The naming tradition of a family founded in a local authority. */
    Heritage heritage(String localAuthority, RandomGenerator random);

    /** A name for a person born in {@code birthYear}; {@code familySurname} is null for a person from outside. */
    PersonName name(Heritage heritage, Sex sex, int birthYear, String familySurname, RandomGenerator random);

    /** The surname a person uses after marrying someone with {@code partnerSurname}. */
    String surnameOnMarriage(Heritage heritage, String ownSurname, String partnerSurname, RandomGenerator random);
}
