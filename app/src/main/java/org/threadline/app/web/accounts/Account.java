package org.threadline.app.web.accounts;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who may sign in.
 *
 * @param username lower-case letters, digits, '.', '_' or '-', 3 to 64 characters (the table checks the same)
 * @param displayName how the person is named on pages
 * @param agency the agency they work for
 * @param roles at least one
 */
public record Account(String username, String displayName, Agency agency, Set<Role> roles) {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(agency, "agency");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 3 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("displayName must not be blank");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }
}
