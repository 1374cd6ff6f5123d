package org.threadline.app.web.purpose;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person said they are doing, held in their session.
 *
 * @param code the purpose's code
 * @param label the purpose's label, for the banner on every page
 * @param caseReference the case they named, or null where the purpose needs none
 * @param declaredAt when they declared it
 */
public record DeclaredPurpose(String code, String label, String caseReference, Instant declaredAt)
        implements Serializable {
    /** The session attribute that holds it. */
    public static final String SESSION_ATTRIBUTE = "org.threadline.app.web.purpose.DeclaredPurpose";

    public DeclaredPurpose {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    public Optional<String> caseReferenceIfAny() {
        return Optional.ofNullable(caseReference);
    }
}
