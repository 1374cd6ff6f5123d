package org.threadline.app.governance;

import static org.threadline.domain.governance.RuleFile.text;
import static org.threadline.domain.governance.RuleFile.texts;
import static org.threadline.domain.governance.RuleFile.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.governance.RuleFile;
import org.threadline.domain.governance.RuleFile.InvalidRuleFileException;

/**
 * What a subject access export withholds or delays (config/governance/subject-access.yaml), read and validated with
 * every problem reported at once, each with its path.
 */
public record DisclosureRules(String id, int version, List<Rule> rules) {
    public DisclosureRules {
        rules = List.copyOf(rules);
    }

    /** A rule: its id, the reason relied on, and what it covers. */
    public sealed interface Rule permits EventRule, AuditRule, MarkerRule {
        String id();

        String reason();
    }

    /** Withholds the subject's events of {@code types} where they were one of {@code subjectRoles} and someone else,
     * on an event sharing fact {@code sameFact}, was one of {@code otherPersonRoles}. */
    public record EventRule(String id, String reason, Set<String> types, Set<EventRole> subjectRoles,
                            Set<EventRole> otherPersonRoles, String sameFact) implements Rule {
    }

    /** Withholds the markers named (and that they were ever set) from the export of the person they are on. */
    public record MarkerRule(String id, String reason, Set<String> markers) implements Rule {
        public MarkerRule {
            markers = Set.copyOf(markers);
        }
    }

    /** Delays audit entries whose purpose is or falls under one of {@code purposes} and that are newer than
     * {@code newerThan}. */
    public record AuditRule(String id, String reason, List<String> purposes, Period newerThan) implements Rule {
        public boolean covers(String purpose) {
            return purposes.stream().anyMatch(p -> purpose.equals(p) || purpose.startsWith(p + "."));
        }
    }

    public static DisclosureRules read(Path file) {
        return parse(RuleFile.read(file), file.toString());
    }

    /** Reads and checks the rules, refusing them with every problem found ({@link InvalidRuleFileException}). */
    public static DisclosureRules parse(String yaml, String origin) {
        JsonNode root = RuleFile.mapping(yaml, origin);
        List<String> problems = new ArrayList<>();
        unknownKeys(root, "$", Set.of("id", "version", "rules"), problems);
        String id = text(root, "id", "$", problems);
        int version = RuleFile.version(root, problems);
        List<Rule> rules = new ArrayList<>();
        JsonNode list = root.path("rules");
        if (!list.isArray()) {
            problems.add("$.rules: must be a list");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "$.rules[" + i + "]";
                JsonNode r = list.get(i);
                if (!r.isObject()) {
                    problems.add(path + ": must be a mapping");
                    continue;
                }
                unknownKeys(r, path, Set.of("id", "reason", "events", "audit", "markers"), problems);
                String ruleId = text(r, "id", path, problems);
                String reason = text(r, "reason", path, problems);
                if (!ruleId.isEmpty() && !ids.add(ruleId)) {
                    problems.add(path + ".id: duplicate rule id '" + ruleId + "'");
                }
                long kinds = Stream.of("events", "audit", "markers").filter(r::has).count();
                if (kinds != 1) {
                    problems.add(path + ": needs exactly one of 'events', 'audit' or 'markers'");
                } else if (r.has("events")) {
                    rules.add(eventRule(ruleId, reason, r.get("events"), path + ".events", problems));
                } else if (r.has("audit")) {
                    rules.add(auditRule(ruleId, reason, r.get("audit"), path + ".audit", problems));
                } else {
                    rules.add(new MarkerRule(ruleId, reason, Set.copyOf(texts(r, "markers", path, problems))));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleFileException(origin, problems);
        }
        return new DisclosureRules(id, version, rules);
    }

    private static EventRule eventRule(String id, String reason, JsonNode n, String path, List<String> problems) {
        unknownKeys(n, path, Set.of("types", "subjectRoles", "otherPersonRoles", "sameFact"), problems);
        Set<String> types = Set.copyOf(texts(n, "types", path, problems));
        return new EventRule(id, reason, types, roles(n, "subjectRoles", path, problems),
                roles(n, "otherPersonRoles", path, problems), text(n, "sameFact", path, problems));
    }

    private static AuditRule auditRule(String id, String reason, JsonNode n, String path, List<String> problems) {
        unknownKeys(n, path, Set.of("purposes", "newerThan"), problems);
        List<String> purposes = texts(n, "purposes", path, problems);
        String period = text(n, "newerThan", path, problems);
        Period p = Period.ZERO;
        try {
            p = period.isEmpty() ? Period.ZERO : Period.parse(period);
            if (p.isNegative() || p.isZero()) {
                problems.add(path + ".newerThan: must be a positive period");
            }
        } catch (DateTimeParseException e) {
            problems.add(path + ".newerThan: '" + period + "' is not an ISO-8601 period such as P180D");
        }
        return new AuditRule(id, reason, purposes, p);
    }

    private static Set<EventRole> roles(JsonNode n, String key, String path, List<String> problems) {
        Set<EventRole> out = new HashSet<>();
        List<String> names = texts(n, key, path, problems);
        for (int i = 0; i < names.size(); i++) {
            try {
                out.add(EventRole.valueOf(names.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(path + "." + key + "[" + i + "]: '" + names.get(i) + "' is not a role on an event");
            }
        }
        return out;
    }
}
