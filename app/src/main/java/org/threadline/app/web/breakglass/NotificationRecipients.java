package org.threadline.app.web.breakglass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.threadline.app.web.access.AgreementMapping;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.store.governance.BreakGlassStore.Addressee;

/**
 * Who holds each role a break-glass rule's {@code notify} names, and what they may see of a grant
 * ({@code config/governance/break-glass-notifications.yaml}, ADR 0026). Versioned data; every error of the document is
 * reported at once with its path.
 *
 * @param roles the agreement role name ({@code dpo}, {@code lineManager}) to who holds it and what they see
 */
public record NotificationRecipients(String id, int version, Map<String, Holding> roles) {
    /** What of a grant a holder sees beyond its facts. */
    public enum Detail {
        SUBJECT("subject"), CASE_REFERENCE("caseReference"), REASON("reason");

        final String key;

        Detail(String key) {
            this.key = key;
        }
    }

    /** A web role that holds the agreement role, in some agencies (empty: any), at its own party or at every one. */
    public record Holder(Role role, Set<Agency> agencies, boolean atEveryParty) {
        boolean matches(Account a) {
            return a.roles().contains(role) && (agencies.isEmpty() || agencies.contains(a.agency()));
        }
    }

    /** Who holds one agreement role, and what they see. */
    public record Holding(List<Holder> holders, Set<Detail> sees) {
    }

    public static final String FILE = "config/governance/break-glass-notifications.yaml";

    public static NotificationRecipients read(Path file) {
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static NotificationRecipients parse(JsonNode root, String source) {
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(source + " has errors: (root): must be a mapping");
        }
        unknown(root, Set.of("id", "version", "roles"), "", errors);
        if (!root.path("id").isTextual() || root.path("id").asText().isBlank()) {
            errors.add("id: missing");
        }
        if (!root.path("version").canConvertToInt() || root.path("version").asInt() < 1) {
            errors.add("version: must be a whole number of at least 1");
        }
        Map<String, Holding> roles = new LinkedHashMap<>();
        if (!root.path("roles").isObject() || root.path("roles").isEmpty()) {
            errors.add("roles: must name at least one role");
        } else {
            root.path("roles").fields().forEachRemaining(e -> {
                String path = "roles." + e.getKey();
                JsonNode r = e.getValue();
                if (!r.isObject()) {
                    errors.add(path + ": must be a mapping with holders and sees");
                    return;
                }
                unknown(r, Set.of("holders", "sees"), path + ".", errors);
                List<Holder> holders = new ArrayList<>();
                if (!r.path("holders").isArray() || r.path("holders").isEmpty()) {
                    errors.add(path + ".holders: must list at least one holder");
                } else {
                    for (int i = 0; i < r.path("holders").size(); i++) {
                        holder(r.path("holders").get(i), path + ".holders[" + i + "]", errors).ifPresent(holders::add);
                    }
                }
                Set<Detail> sees = EnumSet.noneOf(Detail.class);
                JsonNode s = r.path("sees");
                if (!s.isMissingNode() && !s.isArray()) {
                    errors.add(path + ".sees: must be a list");
                }
                for (int i = 0; s.isArray() && i < s.size(); i++) {
                    String key = s.get(i).asText();
                    java.util.Optional<Detail> d = java.util.Arrays.stream(Detail.values())
                            .filter(x -> x.key.equals(key)).findFirst();
                    if (d.isEmpty()) {
                        errors.add(path + ".sees[" + i + "]: '" + key + "' is not subject, caseReference or reason");
                    } else {
                        sees.add(d.get());
                    }
                }
                roles.put(e.getKey(), new Holding(List.copyOf(holders), Set.copyOf(sees)));
            });
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(source + " has errors: " + String.join("; ", errors));
        }
        return new NotificationRecipients(root.path("id").asText(), root.path("version").asInt(), Map.copyOf(roles));
    }

    private static java.util.Optional<Holder> holder(JsonNode h, String path, List<String> errors) {
        if (!h.isObject()) {
            errors.add(path + ": must be a mapping with a role");
            return java.util.Optional.empty();
        }
        unknown(h, Set.of("role", "agencies", "atEveryParty"), path + ".", errors);
        int before = errors.size();
        Role role = null;
        try {
            role = Role.valueOf(h.path("role").asText());
        } catch (IllegalArgumentException e) {
            errors.add(path + ".role: '" + h.path("role").asText() + "' is no web role");
        }
        Set<Agency> agencies = EnumSet.noneOf(Agency.class);
        JsonNode a = h.path("agencies");
        if (!a.isMissingNode() && !a.isArray()) {
            errors.add(path + ".agencies: must be a list");
        }
        for (int i = 0; a.isArray() && i < a.size(); i++) {
            try {
                agencies.add(Agency.valueOf(a.get(i).asText()));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".agencies[" + i + "]: '" + a.get(i).asText() + "' is no agency");
            }
        }
        JsonNode every = h.path("atEveryParty");
        if (!every.isMissingNode() && !every.isBoolean()) {
            errors.add(path + ".atEveryParty: must be true or false");
        }
        if (errors.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Holder(role, Set.copyOf(agencies), every.asBoolean(false)));
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, List<String> errors) {
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                errors.add(prefix + f + ": not a known field (" + String.join(", ", new TreeSet<>(known)) + ")");
            }
        });
    }

    /** What this account is, as notifications are addressed: the roles it holds, where. */
    public Addressee addressee(Account account, AgreementMapping mapping) {
        Set<String> everywhere = new LinkedHashSet<>();
        Set<String> atParties = new LinkedHashSet<>();
        String party = mapping.party(account.agency());
        roles.forEach((name, holding) -> holding.holders().stream().filter(h -> h.matches(account)).forEach(h -> {
            if (h.atEveryParty()) {
                everywhere.add(name);
            } else {
                atParties.add(name + "@" + party);
                atParties.add(name + "@*");
            }
        }));
        return new Addressee(account.username(), everywhere, atParties);
    }

    /** Whether any of these accounts receives a notification to {@code role} at {@code party}. */
    public boolean deliverable(String role, String party, Collection<Account> accounts, AgreementMapping mapping) {
        return accounts.stream().anyMatch(a -> receives(a, role, party, mapping));
    }

    /** Whether this account receives a notification to {@code role} at {@code party} (as its inbox would show it). */
    public boolean receives(Account a, String role, String party, AgreementMapping mapping) {
        Holding holding = roles.get(role);
        if (holding == null) {
            return false;
        }
        for (Holder h : holding.holders()) {
            if (h.matches(a) && (h.atEveryParty() || party.equals("*") || party.equals(mapping.party(a.agency())))) {
                return true;
            }
        }
        return false;
    }

    /** What a holder of {@code role} sees beyond the facts (nothing for a role this file does not name). */
    public Set<Detail> sees(String role) {
        Holding h = roles.get(role);
        return h == null ? Set.of() : h.sees();
    }
}
