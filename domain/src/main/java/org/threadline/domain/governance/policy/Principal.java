package org.threadline.domain.governance.policy;

import java.util.Set;

/** Who asks: a user, the agency they act for, and the roles they hold there. */
public record Principal(String userId, String agency, Set<String> roles) {
    public Principal {
        roles = roles == null ? null : Set.copyOf(roles);
    }
}
