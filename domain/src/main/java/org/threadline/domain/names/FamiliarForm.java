package org.threadline.domain.names;

import java.util.Objects;

/**
 * One row of the familiar-forms table: a familiar (short or pet) form of a formal forename.
 *
 * @param formal   the forename in full, as the DfE census asks for it ("William")
 * @param familiar the form people use day to day and other agencies often record ("Bill")
 * @param sex      the sex the formal name is usually given to
 */
public record FamiliarForm(String formal, String familiar, NameSex sex) {

    public FamiliarForm {
        Objects.requireNonNull(formal, "formal");
        Objects.requireNonNull(familiar, "familiar");
        Objects.requireNonNull(sex, "sex");
    }
}
