package org.threadline.app.web.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;

/**
 * Who may manage the case register ({@code config/governance/cases.yaml}): per web agency, the web roles that open,
 * link, unlink and close that agency's cases, and the purpose they declare to do it. Deny by default: an agency or
 * role not listed manages nothing. Read and checked as a whole, every problem reported with its path at once.
 *
 * @param id the document's id
 * @param version its version
 * @param purpose the purpose a manager declares to manage cases
 * @param managers agency to the roles that manage its cases
 */
public record CaseManagers(String id, int version, String purpose, Map<Agency, Set<Role>> managers) {
    public static final String FILE = "config/governance/cases.yaml";

    public CaseManagers {
        Map<Agency, Set<Role>> copy = new EnumMap<>(Agency.class);
        managers.forEach((a, r) -> copy.put(a, Set.copyOf(r)));
        managers = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether this account manages its agency's cases (whatever it declared). */
    public boolean manages(Account account) {
        Set<Role> roles = managers.getOrDefault(account.agency(), Set.of());
        return account.roles().stream().anyMatch(roles::contains);
    }

    public static CaseManagers read(Path file) {
        try {
            return parse(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static CaseManagers parse(JsonNode root, String source) {
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " has 1 error(s):\n  (root): must be a mapping");
        }
        String id = root.path("id").isTextual() && !root.path("id").asText().isBlank() ? root.path("id").asText()
                : add(errors, "id: must be a non-empty string");
        int version = root.path("version").canConvertToInt() && root.path("version").asInt() >= 1
                ? root.path("version").asInt() : 0;
        if (version == 0) {
            errors.add("version: must be a whole number of at least 1");
        }
        String purpose = root.path("purpose").asText("");
        if (!purpose.matches("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)*")) {
            errors.add("purpose: must be an upper-case dotted purpose code, not '" + purpose + "'");
        }
        Map<Agency, Set<Role>> managers = new EnumMap<>(Agency.class);
        JsonNode m = root.path("managers");
        if (!m.isObject()) {
            errors.add("managers: must map agencies to the roles that manage their cases");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "managers." + e.getKey();
            Agency agency = null;
            try {
                agency = Agency.valueOf(e.getKey());
            } catch (IllegalArgumentException x) {
                errors.add(at + ": unknown agency '" + e.getKey() + "'");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                errors.add(at + ": must list at least one role");
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                String role = e.getValue().get(i).asText();
                try {
                    roles.add(Role.valueOf(role));
                } catch (IllegalArgumentException x) {
                    errors.add(at + "[" + i + "]: unknown role '" + role + "'");
                }
            }
            if (agency != null) {
                managers.put(agency, roles);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(source + " has " + errors.size() + " error(s):\n  "
                    + String.join("\n  ", errors));
        }
        return new CaseManagers(id, version, purpose, managers);
    }

    private static String add(List<String> errors, String error) {
        errors.add(error);
        return "";
    }
}
