package org.threadline.app.web.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/**
 * How a signed-in person is named to the policy decision point: agency to agreement party, web role to agreement
 * roles, declared purpose to agreement purpose ({@code web/agreement-mapping.yaml}, versioned data). Every error of
 * the document is reported at once with its path.
 */
public record AgreementMapping(String id, int version, Map<Agency, String> agencies,
                               Map<Agency, Map<Role, List<String>>> roles, Map<String, String> purposes,
                               Set<String> ownRecordsInFull) {
    public static final String RESOURCE = "web/agreement-mapping.yaml";

    public static AgreementMapping load() {
        try (InputStream in = AgreementMapping.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static AgreementMapping parse(JsonNode root, String source) {
        List<String> errors = new ArrayList<>();
        Map<Agency, String> agencies = new LinkedHashMap<>();
        root.path("agencies").fields().forEachRemaining(e -> agency(e.getKey(), "agencies." + e.getKey(), errors)
                .ifPresent(a -> agencies.put(a, e.getValue().asText())));
        Map<Agency, Map<Role, List<String>>> roles = new LinkedHashMap<>();
        root.path("roles").fields().forEachRemaining(e -> agency(e.getKey(), "roles." + e.getKey(), errors)
                .ifPresent(a -> e.getValue().fields().forEachRemaining(r -> {
                    try {
                        List<String> to = new ArrayList<>();
                        r.getValue().forEach(x -> to.add(x.asText()));
                        roles.computeIfAbsent(a, k -> new LinkedHashMap<>()).put(Role.valueOf(r.getKey()), to);
                    } catch (IllegalArgumentException x) {
                        errors.add("roles." + e.getKey() + "." + r.getKey() + ": no such role");
                    }
                })));
        Map<String, String> purposes = new LinkedHashMap<>();
        root.path("purposes").fields().forEachRemaining(e -> purposes.put(e.getKey(), e.getValue().asText()));
        Set<String> own = new LinkedHashSet<>();
        root.path("ownRecordsInFull").forEach(x -> own.add(x.asText()));
        if (!root.path("id").isTextual()) {
            errors.add("id: missing");
        }
        if (root.path("version").asInt() < 1) {
            errors.add("version: must be a whole number of at least 1");
        }
        for (Agency a : Agency.values()) {
            if (!agencies.containsKey(a)) {
                errors.add("agencies." + a + ": missing");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(source + " has errors: " + String.join("; ", errors));
        }
        return new AgreementMapping(root.path("id").asText(), root.path("version").asInt(), Map.copyOf(agencies),
                Map.copyOf(roles), Map.copyOf(purposes), Set.copyOf(own));
    }

    private static Optional<Agency> agency(String name, String path, List<String> errors) {
        try {
            return Optional.of(Agency.valueOf(name));
        } catch (IllegalArgumentException e) {
            errors.add(path + ": no such agency");
            return Optional.empty();
        }
    }

    public String party(Agency agency) {
        return agencies.get(agency);
    }

    /** The agreement roles of an account (empty when the mapping names none: the PDP then denies). */
    public Set<String> rolesOf(Account account) {
        Set<String> out = new java.util.TreeSet<>();
        Map<Role, List<String>> of = roles.getOrDefault(account.agency(), Map.of());
        account.roles().forEach(r -> out.addAll(of.getOrDefault(r, List.of())));
        return out;
    }

    /** The agreement purpose of a declared purpose; the declared code itself when the mapping names none. */
    public String purposeOf(String declared) {
        return purposes.getOrDefault(declared, declared);
    }
}
