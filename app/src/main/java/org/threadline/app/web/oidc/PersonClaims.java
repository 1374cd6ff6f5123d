package org.threadline.app.web.oidc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/**
 * Reads a Threadline account from an ID token's claims, deny by default: the claims must name exactly one agency
 * Threadline knows and at least one role it knows (roles it does not know are ignored: a provider lists many roles
 * that are not Threadline's). Anything else is a refusal that says why, in words for the person refused.
 */
public final class PersonClaims {
    /** The username part after {@code oidc.}: the account pattern's characters, with '@' read as '_'. */
    private static final Pattern USABLE = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,58}");

    private final OidcSettings.SignIn settings;

    public PersonClaims(OidcSettings.SignIn settings) {
        this.settings = settings;
    }

    /** What the claims come to. */
    public sealed interface Outcome permits Mapped, Refused {
    }

    /** The claims name a person Threadline may let in, as this account. */
    public record Mapped(Account account) implements Outcome {
    }

    /**
     * The claims do not let the person in.
     *
     * @param code short and stable, for the log ({@code unknown-agency})
     * @param reason for the person: what is wrong and who can put it right
     */
    public record Refused(String code, String reason) implements Outcome {
    }

    public Outcome map(Map<String, Object> claims) {
        List<String> usernames = values(claims, settings.usernameClaim());
        if (usernames.size() != 1) {
            return new Refused("no-username", "The sign-in from " + settings.providerName() + " did not say who"
                    + " you are (the claim '" + settings.usernameClaim() + "' is missing). " + ASK);
        }
        String username = usernames.get(0).strip().toLowerCase(Locale.ROOT);
        if (!USABLE.matcher(username).matches()) {
            return new Refused("unusable-username", "Your username at " + settings.providerName() + " cannot be used"
                    + " by Threadline: it must be up to 59 letters, digits, '.', '_', '@' or '-'. " + ASK);
        }
        List<String> agencyValues = values(claims, settings.agencyClaim());
        if (agencyValues.isEmpty()) {
            return new Refused("no-agency", "Your account at " + settings.providerName() + " does not say which"
                    + " agency you work for (the claim '" + settings.agencyClaim() + "' is missing). " + ASK);
        }
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        Set<String> unknownAgencies = new TreeSet<>();
        for (String value : agencyValues) {
            Agency a = OidcSettings.parse(Agency.class, mapped(settings.agencies(), value));
            if (a == null) {
                unknownAgencies.add(value);
            } else {
                agencies.add(a);
            }
        }
        if (agencies.isEmpty()) {
            return new Refused("unknown-agency", "Your account at " + settings.providerName() + " names the agency "
                    + quoted(unknownAgencies) + ", which is not one of the agencies that share information"
                    + " through Threadline. " + ASK);
        }
        if (agencies.size() > 1 || !unknownAgencies.isEmpty()) {
            return new Refused("several-agencies", "Your account at " + settings.providerName() + " names more than"
                    + " one agency (" + quoted(new TreeSet<>(agencyValues)) + "); Threadline needs exactly one,"
                    + " because what you may see depends on it. " + ASK);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claims, settings.rolesClaim())) {
            Role r = OidcSettings.parse(Role.class, mapped(settings.roles(), value));
            if (r != null) {
                roles.add(r);
            }
        }
        if (roles.isEmpty()) {
            return new Refused("no-known-role", "Your account at " + settings.providerName() + " has none of the"
                    + " roles Threadline knows (the claim '" + settings.rolesClaim() + "' names none of them), so"
                    + " Threadline cannot tell what you may do. " + ASK);
        }
        List<String> names = values(claims, settings.nameClaim());
        String display = names.isEmpty() || names.get(0).isBlank() ? username : names.get(0).strip();
        Agency agency = agencies.iterator().next();
        return new Mapped(new Account(usernameOf(username), display.length() > 200 ? display.substring(0, 200)
                : display, agency, roles));
    }

    /** The Threadline username for a provider's username: {@code oidc.} before it, '@' as '_'. */
    static String usernameOf(String providerUsername) {
        return "oidc." + providerUsername.replace('@', '_');
    }

    private static final String ASK = "Ask whoever looks after your account at your organisation to put it right.";

    private static String mapped(Map<String, String> mapping, String value) {
        return mapping.getOrDefault(value.strip().toLowerCase(Locale.ROOT), value);
    }

    private static String quoted(Collection<String> values) {
        List<String> q = new ArrayList<>();
        values.forEach(v -> q.add("'" + (v.length() > 60 ? v.substring(0, 60) + "..." : v) + "'"));
        return String.join(", ", q);
    }

    /**
     * A claim's values as text: one value, or each element of a list. A dotted name reaches into nested claims
     * ({@code realm_access.roles} in Keycloak), tried whole first (a claim may have a dot in its name).
     */
    static List<String> values(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null && name.contains(".")) {
            Object at = claims;
            for (String part : name.split("\\.")) {
                at = at instanceof Map<?, ?> m ? m.get(part) : null;
            }
            value = at;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> {
                if (v != null && !v.toString().isBlank()) {
                    out.add(v.toString());
                }
            });
        } else if (value != null && !value.toString().isBlank()) {
            out.add(value.toString());
        }
        return out;
    }
}
