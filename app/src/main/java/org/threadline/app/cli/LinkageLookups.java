package org.threadline.app.cli;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.threadline.domain.identifiers.NhsNumber;
import org.threadline.domain.identifiers.NiNumber;
import org.threadline.domain.identifiers.PncId;
import org.threadline.domain.identifiers.Upn;
import org.threadline.domain.names.FamiliarForms;
import org.threadline.linkage.engine.Lookups;
import org.threadline.linkage.model.IdentifierValidator;

/** The domain's identifier checks and familiar-name table, handed to the linkage engine (which cannot import them). */
public final class LinkageLookups {
    /** The name models use for the project's familiar-forms table. */
    public static final String UK_FORENAMES = "uk_forenames";

    private LinkageLookups() {
    }

    /**
     * The shared lookups: the familiar-forms table is read once per process, not per use (the person page explains
     * up to hundreds of record pairs per view, and reading the table each time cost more than the page itself).
     */
    public static Lookups standard() {
        return Shared.STANDARD;
    }

    /** Loaded on first use, once (the holder idiom: class initialisation is thread-safe). */
    private static final class Shared {
        static final Lookups STANDARD = load();
    }

    private static Lookups load() {
        FamiliarForms forms = FamiliarForms.load();
        return new Lookups(Map.of(IdentifierValidator.NHS_NUMBER, NhsNumber::isValid,
                IdentifierValidator.UPN, Upn::isValid, IdentifierValidator.PNC_ID, PncId::isValid,
                IdentifierValidator.NI_NUMBER, NiNumber::isValid),
                Map.of(UK_FORENAMES, name -> {
                    Set<String> all = new HashSet<>();
                    for (String formal : forms.formalFormsOf(name)) {
                        all.add(formal);
                        all.addAll(forms.familiarFormsOf(formal));
                    }
                    all.addAll(forms.familiarFormsOf(name));
                    return all;
                }));
    }
}
