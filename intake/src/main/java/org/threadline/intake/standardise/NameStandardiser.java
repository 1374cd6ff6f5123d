package org.threadline.intake.standardise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.threadline.domain.names.FamiliarForms;

/**
 * Standardises names given as separate fields or as one full-name field.
 *
 * <p>A full name with a comma is read "SURNAME, Forename Middle" (police and health systems write it so); without one,
 * "Forename Middle Surname", where particles (VAN, DE, AL, BIN …) stay with the surname. Titles (Mr, Dr …) and
 * suffixes (Jr, III …) are removed. A name that is only one word is kept as a surname and FLAGGED: many people
 * (and some naming traditions) have one name, and guessing a forename would be wrong.
 */
public final class NameStandardiser {
    private static final Set<String> TITLES = Set.of("MR", "MRS", "MS", "MISS", "MX", "DR", "REV", "REVD", "PROF",
            "SIR", "DAME", "LADY", "LORD", "MASTER", "FR", "SR");
    private static final Set<String> SUFFIXES = Set.of("JR", "JNR", "JUNIOR", "SNR", "SENIOR", "II", "III", "IV");
    private static final Set<String> PARTICLES = Set.of("VAN", "VON", "DE", "DER", "DEN", "DA", "DI", "DU", "LA",
            "LE", "AL", "EL", "BIN", "BINTI", "IBN", "ABU", "ST");

    private final FamiliarForms familiarForms;

    public NameStandardiser(FamiliarForms familiarForms) {
        this.familiarForms = familiarForms;
    }

    /** Names in separate fields; the forenames field may hold middle names too ("John Paul"). */
    public StandardisedName fromParts(String forenames, String surname) {
        String raw = (forenames == null ? "" : forenames) + " | " + (surname == null ? "" : surname);
        List<String> given = words(NameText.fold(forenames), true);
        List<String> family = words(NameText.fold(surname), false);
        return result(raw, given, String.join(" ", family));
    }

    /** A name in one field, "SURNAME, Forename Middle" or "Forename Middle Surname". */
    public StandardisedName fromFullName(String full) {
        String raw = full == null ? "" : full;
        int comma = raw.indexOf(',');
        if (comma >= 0) {
            return result(raw, words(NameText.fold(raw.substring(comma + 1)), true),
                    String.join(" ", words(NameText.fold(raw.substring(0, comma)), false)));
        }
        List<String> all = words(NameText.fold(raw), true);
        if (all.size() <= 1) {
            return result(raw, List.of(), String.join(" ", all));
        }
        int surnameStart = all.size() - 1;
        while (surnameStart > 1 && PARTICLES.contains(all.get(surnameStart - 1))) {
            surnameStart--;
        }
        return result(raw, all.subList(0, surnameStart), String.join(" ", all.subList(surnameStart, all.size())));
    }

    /** The formal forenames a familiar one may stand for (SUE → SUSAN, SUZANNE …), upper case; empty if none. */
    public List<String> formalFormsOf(String forename) {
        List<String> out = new ArrayList<>();
        for (String f : familiarForms.formalFormsOf(forename)) {
            out.add(NameText.fold(f));
        }
        return out;
    }

    private static List<String> words(String folded, boolean given) {
        List<String> out = new ArrayList<>(Arrays.asList(folded.isEmpty() ? new String[0] : folded.split(" ")));
        out.removeIf(w -> SUFFIXES.contains(w.replace("'", "")));
        if (given) {
            while (!out.isEmpty() && TITLES.contains(out.get(0))) {
                out.remove(0);
            }
        }
        return out;
    }

    private static StandardisedName result(String raw, List<String> given, String surname) {
        String forename = given.isEmpty() ? "" : given.get(0);
        List<String> middle = given.size() > 1 ? given.subList(1, given.size()) : List.of();
        if (forename.isEmpty() && surname.isEmpty()) {
            return new StandardisedName(raw, "", List.of(), "", Outcome.MISSING, "blank");
        }
        if (forename.isEmpty() || surname.isEmpty()) {
            return new StandardisedName(raw, forename, middle, surname, Outcome.FLAGGED, "only one name given");
        }
        return new StandardisedName(raw, forename, middle, surname, Outcome.OK, "");
    }
}
