package org.threadline.domain.indicators.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.indicators.Amount;
import org.threadline.domain.indicators.FactTest;
import org.threadline.domain.indicators.Ratio;
import org.threadline.domain.indicators.RelationshipTest;
import org.threadline.domain.indicators.Signal;
import org.threadline.domain.indicators.Who;
import org.threadline.domain.indicators.Window;
import org.threadline.domain.people.RelationshipType;

/** Reads one signal and checks its types and facts against the event vocabulary. */
final class SignalParser {
    private static final Set<String> KEYS = Set.of("description", "who", "types", "roles", "facts", "window",
            "at_least", "ratio", "relationship", "overlapping");
    private static final Set<String> RATIO = Set.of("group_by", "numerator", "denominator", "at_least");
    private static final Set<String> RELATIONSHIP = Set.of("types", "between", "ended");

    private final Yaml yaml;
    private final References refs;
    private final Problems problems;

    SignalParser(Yaml yaml, References refs) {
        this.yaml = yaml;
        this.refs = refs;
        this.problems = refs.problems();
    }

    Optional<Signal> parse(String id, JsonNode n, String path) {
        if (!n.isObject()) {
            problems.add(path, "must be a mapping");
            return Optional.empty();
        }
        int before = problems.errors().size();
        yaml.onlyKnownKeys(n, path, KEYS);
        String description = yaml.requiredText(n, path, "description").orElse("");
        Optional<RelationshipTest> relationship = Optional.empty();
        Set<String> types = new LinkedHashSet<>();
        List<Who> who = new ArrayList<>();
        if (n.has("relationship")) {
            relationship = relationship(n.get("relationship"), path + ".relationship");
            for (String k : List.of("types", "roles", "facts", "ratio", "who")) {
                if (n.has(k)) {
                    problems.add(path + "." + k, "a relationship signal reads the family's relationships, not events:"
                            + " remove " + k);
                }
            }
        } else {
            if (!n.has("types")) {
                problems.add(path + ".types", "missing: a signal names event types (or is a relationship signal)");
            } else {
                List<String> listed = yaml.texts(n.get("types"), path + ".types");
                for (int i = 0; i < listed.size(); i++) {
                    if (!refs.vocabulary().hasType(listed.get(i))) {
                        problems.add(path + ".types[" + i + "]", "unknown event type '" + listed.get(i)
                                + "' (not in the event vocabulary " + refs.vocabulary().id() + ")");
                    }
                    types.add(listed.get(i));
                }
            }
            if (!n.has("who")) {
                problems.add(path + ".who", "missing: whose events (self, parent, household_adult, household_member,"
                        + " partner, family_member)");
            } else {
                List<String> listed = yaml.texts(n.get("who"), path + ".who");
                for (int i = 0; i < listed.size(); i++) {
                    Enums.of(Who.class, listed.get(i), path + ".who[" + i + "]", problems).ifPresent(who::add);
                }
            }
        }
        Set<EventRole> roles = new LinkedHashSet<>();
        if (n.has("roles")) {
            List<String> listed = yaml.texts(n.get("roles"), path + ".roles");
            for (int i = 0; i < listed.size(); i++) {
                Enums.of(EventRole.class, listed.get(i), path + ".roles[" + i + "]", problems).ifPresent(roles::add);
            }
        }
        List<FactTest> facts = new ArrayList<>();
        JsonNode f = n.get("facts");
        if (f != null) {
            if (!f.isObject()) {
                problems.add(path + ".facts", "must be a mapping of fact name to condition");
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String at = path + ".facts." + e.getKey();
                    checkFact(e.getKey(), types, at);
                    new FactTestParser(yaml, refs).parse(e.getKey(), e.getValue(), at).ifPresent(facts::add);
                }
            }
        }
        Window window = n.has("window") ? refs.window(n.get("window"), path + ".window").orElse(null)
                : null;
        if (!n.has("window")) {
            problems.add(path + ".window", "missing: childhood, ever, {days|months|years: n} or {before_age: n}");
        }
        Amount atLeast = n.has("at_least") ? refs.amount(n.get("at_least"), path + ".at_least", 1).orElse(null)
                : Amount.of(1);
        Optional<Ratio> ratio = Optional.empty();
        if (n.has("ratio")) {
            ratio = ratio(n.get("ratio"), path + ".ratio", types);
        }
        boolean overlapping = yaml.flag(n, path, "overlapping", false);
        if (problems.errors().size() > before || window == null || atLeast == null) {
            return Optional.empty();
        }
        return Optional.of(new Signal(id, description, who, types, roles, facts, window, atLeast, ratio, relationship,
                overlapping));
    }

    /** A fact must be produced for at least one of the signal's types, or no event could ever satisfy it. */
    private void checkFact(String fact, Set<String> types, String path) {
        if (types.isEmpty()) {
            return;
        }
        // Judge against the types that exist: an unknown type is its own error and must not hide this one.
        List<String> known = types.stream().filter(refs.vocabulary()::hasType).toList();
        if (!known.isEmpty() && known.stream().noneMatch(t -> refs.vocabulary().hasFact(t, fact))) {
            problems.add(path, "unknown fact '" + fact + "' for type(s) " + known
                    + " (the event vocabulary gives them no such fact)");
        }
    }

    private Optional<Ratio> ratio(JsonNode n, String path, Set<String> types) {
        if (!n.isObject()) {
            problems.add(path, "must be a mapping {group_by, numerator, denominator, at_least}");
            return Optional.empty();
        }
        yaml.onlyKnownKeys(n, path, RATIO);
        Optional<String> groupBy = yaml.requiredText(n, path, "group_by");
        groupBy.ifPresent(g -> checkFact(g, types, path + ".group_by"));
        List<String> numerator = n.has("numerator") ? yaml.texts(n.get("numerator"), path + ".numerator")
                : List.of();
        if (!n.has("numerator")) {
            problems.add(path + ".numerator", "missing: the fact(s) summed above the line");
        }
        for (int i = 0; i < numerator.size(); i++) {
            checkFact(numerator.get(i), types, path + ".numerator[" + i + "]");
        }
        Optional<String> denominator = yaml.requiredText(n, path, "denominator");
        denominator.ifPresent(d -> checkFact(d, types, path + ".denominator"));
        Optional<Amount> atLeast = refs.amount(n.get("at_least"), path + ".at_least", 0);
        if (groupBy.isEmpty() || denominator.isEmpty() || atLeast.isEmpty() || numerator.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Ratio(groupBy.get(), numerator, denominator.get(), atLeast.get()));
    }

    private Optional<RelationshipTest> relationship(JsonNode n, String path) {
        if (!n.isObject()) {
            problems.add(path, "must be a mapping {types, between: parents, ended}");
            return Optional.empty();
        }
        yaml.onlyKnownKeys(n, path, RELATIONSHIP);
        Set<RelationshipType> types = new LinkedHashSet<>();
        if (!n.has("types")) {
            problems.add(path + ".types", "missing: relationship types such as EX_PARTNER_OF");
        } else {
            List<String> listed = yaml.texts(n.get("types"), path + ".types");
            for (int i = 0; i < listed.size(); i++) {
                Enums.of(RelationshipType.class, listed.get(i), path + ".types[" + i + "]", problems)
                        .ifPresent(types::add);
            }
        }
        String between = yaml.requiredText(n, path, "between").orElse("");
        if (!between.isEmpty() && !between.equals("parents")) {
            problems.add(path + ".between", "only 'parents' is supported: a relationship between two parents of "
                    + "the subject");
        }
        boolean ended = yaml.flag(n, path, "ended", false);
        return types.isEmpty() ? Optional.empty() : Optional.of(new RelationshipTest(types, ended));
    }
}
