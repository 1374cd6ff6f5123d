package org.threadline.app.web.purpose;

import java.util.Set;
import org.threadline.app.web.accounts.Role;

/**
 * A purpose that may be declared.
 *
 * @param code the governance vocabulary code, e.g. {@code SAFEGUARDING.CHILD.MASH_TRIAGE}
 * @param label how it is offered on the page
 * @param hint a sentence saying when it applies
 * @param caseReferenceRequired whether the person must name the case they are working on
 * @param roles the roles that may declare it
 */
public record Purpose(String code, String label, String hint, boolean caseReferenceRequired, Set<Role> roles) {
    public Purpose {
        roles = Set.copyOf(roles);
    }

    /** Whether a person with {@code held} roles may declare this purpose. */
    public boolean allowedFor(Set<Role> held) {
        return roles.stream().anyMatch(held::contains);
    }
}
