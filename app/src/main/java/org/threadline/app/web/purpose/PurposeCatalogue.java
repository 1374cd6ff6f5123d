package org.threadline.app.web.purpose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.threadline.app.web.accounts.Role;

/**
 * The versioned list of purposes. Loading checks the whole document and reports every problem with its path at
 * once, so a broken list is fixed in one go.
 *
 * @param id the document's id
 * @param version its version
 * @param purposes in the order they are offered
 */
public record PurposeCatalogue(String id, int version, List<Purpose> purposes) {
    /** The list the application ships with. */
    public static final String RESOURCE = "web/purposes.yaml";

    public PurposeCatalogue {
        purposes = List.copyOf(purposes);
    }

    public static PurposeCatalogue load() {
        try (InputStream in = PurposeCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads a purposes document, reporting every error with its path. */
    public static PurposeCatalogue parse(JsonNode root, String source) {
        List<String> errors = new ArrayList<>();
        String id = text(root, "id", "", errors);
        int version = root.path("version").canConvertToInt() && root.path("version").asInt() >= 1
                ? root.path("version").asInt() : fail(errors, "version: must be a whole number of at least 1");
        List<Purpose> purposes = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonNode list = root.path("purposes");
        if (!list.isArray() || list.isEmpty()) {
            errors.add("purposes: must list at least one purpose");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            String at = "purposes[" + i + "].";
            String code = text(p, "code", at, errors);
            if (!code.isEmpty() && !code.matches("[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)*")) {
                errors.add(at + "code: '" + code + "' is not an upper-case dotted code");
            }
            if (!code.isEmpty() && !codes.add(code)) {
                errors.add(at + "code: '" + code + "' is listed twice");
            }
            String label = text(p, "label", at, errors);
            String hint = text(p, "hint", at, errors);
            if (!p.path("caseReferenceRequired").isBoolean()) {
                errors.add(at + "caseReferenceRequired: must be true or false");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            JsonNode rs = p.path("roles");
            if (!rs.isArray() || rs.isEmpty()) {
                errors.add(at + "roles: must list at least one role");
            }
            for (int r = 0; r < rs.size(); r++) {
                try {
                    roles.add(Role.valueOf(rs.get(r).asText()));
                } catch (IllegalArgumentException e) {
                    errors.add(at + "roles[" + r + "]: unknown role '" + rs.get(r).asText() + "'");
                }
            }
            purposes.add(new Purpose(code, label, hint, p.path("caseReferenceRequired").asBoolean(), roles));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(source + " has " + errors.size() + " error(s):\n  "
                    + String.join("\n  ", errors));
        }
        return new PurposeCatalogue(id, version, purposes);
    }

    /** The purposes a person with these roles may declare, in order. */
    public List<Purpose> allowedFor(Set<Role> roles) {
        return purposes.stream().filter(p -> p.allowedFor(roles)).toList();
    }

    public Optional<Purpose> find(String code) {
        return purposes.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    private static String text(JsonNode node, String field, String at, List<String> errors) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            errors.add(at + field + ": must be a non-empty string");
            return "";
        }
        return v.asText().strip();
    }

    private static int fail(List<String> errors, String error) {
        errors.add(error);
        return 0;
    }
}
