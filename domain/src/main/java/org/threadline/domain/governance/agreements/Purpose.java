package org.threadline.domain.governance.agreements;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A purpose the agreement allows, as a code in a dot-separated hierarchy: a request declaring
 * {@code SAFEGUARDING.CHILD.MASH_TRIAGE} falls under a grant for {@code SAFEGUARDING.CHILD}, never the other way.
 *
 * @param requiresCaseReference every request for this purpose must cite an open case that links the subject
 * @param legalBasis            the lawful basis of each recipient party for this purpose, by party id
 */
public record Purpose(String code, String description, boolean requiresCaseReference,
                      Map<String, LegalBasis> legalBasis) {

    /** Upper-case words of letters, digits and underscores joined by dots. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)*");

    public Purpose {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        legalBasis = Map.copyOf(legalBasis);
    }

    /**
     * True when {@code declared} is {@code ancestor} or lies beneath it in the hierarchy. Compares whole segments,
     * so {@code SAFEGUARDING.CHILDREN} does not fall under {@code SAFEGUARDING.CHILD}.
     */
    public static boolean fallsUnder(String declared, String ancestor) {
        return declared.equals(ancestor)
                || (declared.length() > ancestor.length() && declared.startsWith(ancestor)
                    && declared.charAt(ancestor.length()) == '.');
    }
}
