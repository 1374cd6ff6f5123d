package org.threadline.synth;

import java.util.List;
import java.util.random.RandomGenerator;
import org.threadline.domain.names.FamiliarForms;
import org.threadline.synth.names.Heritage;
import org.threadline.synth.names.NameBook;
import org.threadline.synth.names.PersonName;
import org.threadline.synth.names.Sex;
import org.threadline.synth.population.NameSource;

/** Adapts the name book (and the familiar-forms table the noise uses) to what the simulation asks for. */
final class NameBookSource implements NameSource {
    private final NameBook book = NameBook.standard();
    private final FamiliarForms familiar = FamiliarForms.load();

    @Override
    public Heritage heritage(String localAuthority, RandomGenerator random) {
        return book.heritage(localAuthority, random);
    }

    @Override
    public PersonName name(Heritage heritage, Sex sex, int birthYear, String familySurname, RandomGenerator random) {
        return book.name(heritage, sex, birthYear, familySurname, random);
    }

    @Override
    public String surnameOnMarriage(Heritage heritage, String ownSurname, String partnerSurname,
                                    RandomGenerator random) {
        return book.surnameOnPartnership(heritage, Sex.FEMALE, Sex.MALE, ownSurname, partnerSurname, random);
    }

    List<String> familiarFormsOf(String formal) {
        return familiar.familiarFormsOf(formal);
    }
}
