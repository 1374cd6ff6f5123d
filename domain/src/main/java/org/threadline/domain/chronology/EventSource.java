package org.threadline.domain.chronology;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one source definition's standardised rows become events (one entry of the event vocabulary). Fields are
 * addressed by the names the intake stores them under ({@code event_date}, {@code attribute.DASH_RISK}); a second
 * person in a row (a child's mother) by a prefix ({@code mother.}).
 */
public record EventSource(String definitionId, Attach attach, DateSpec date, Optional<String> endField, TypeSpec type,
                          RoleSpec role, Map<String, String> facts, String summary, Optional<BeforeBirth> beforeBirth) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");

    public EventSource {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** Which person records an event row belongs to. */
    public sealed interface Attach {
        /** The row is itself a person record. */
        record Self() implements Attach {
        }

        /** The row belongs to the person records of {@code definition} whose {@code field} has the same value. */
        record ToRecordsOf(String definition, String field) implements Attach {
        }
    }

    /**
     * Rows about a child not yet born (an antenatal contact): the row names no child, only the parent. Once the child
     * is born, the row's subject record belongs to the one child of that parent born within {@code bornWithinDays}
     * after the row's date, so that what was known before birth (a pre-birth concern) is on the child's chronology.
     *
     * @param when   conditions on the source's facts that mark a row as before birth, as in type rules
     * @param parent the prefix of the parent named in the row ({@code mother})
     */
    public record BeforeBirth(Map<String, Condition> when, String parent, int bornWithinDays) {
        public BeforeBirth {
            when = Map.copyOf(when);
        }
    }

    /**
     * The date of a row whose subject is a child not yet born, when this source declares such rows and the row is
     * one; empty otherwise (and for a row without a usable date).
     */
    public Optional<LocalDate> beforeBirthDate(Map<String, String> fields) {
        if (beforeBirth.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        facts.forEach((name, field) -> values.put(name, fields.getOrDefault(field, "").strip()));
        boolean holds = beforeBirth.get().when().entrySet().stream()
                .allMatch(c -> c.getValue().test(values.getOrDefault(c.getKey(), "")));
        return holds ? dateOf(fields).map(EventDate::date) : Optional.empty();
    }

    /** Where the event's date comes from. */
    public sealed interface DateSpec {
        record FromField(String field) implements DateSpec {
        }

        /** School data: an academic year ({@code 2024/25}) and optionally a term (AUT, SPR, SUM). */
        record AcademicYear(String yearField, Optional<String> termField) implements DateSpec {
        }
    }

    /** A condition on one fact's value. */
    public sealed interface Condition {
        boolean test(String value);

        record Equals(String value) implements Condition {
            public boolean test(String v) {
                return value.equalsIgnoreCase(v);
            }
        }

        record In(Set<String> values) implements Condition {
            public boolean test(String v) {
                return values.stream().anyMatch(x -> x.equalsIgnoreCase(v));
            }
        }

        record StartsWith(String prefix) implements Condition {
            public boolean test(String v) {
                return v.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT));
            }
        }

        record Contains(String part) implements Condition {
            public boolean test(String v) {
                return v.toUpperCase(Locale.ROOT).contains(part.toUpperCase(Locale.ROOT));
            }
        }

        record Present(boolean present) implements Condition {
            public boolean test(String v) {
                return present != v.isBlank();
            }
        }
    }

    public record TypeRule(Map<String, Condition> when, String type) {
    }

    public record TypeSpec(String fallback, List<TypeRule> rules) {
        public TypeSpec {
            rules = List.copyOf(rules);
        }

        String typeFor(Map<String, String> facts) {
            for (TypeRule r : rules) {
                if (r.when().entrySet().stream()
                        .allMatch(c -> c.getValue().test(facts.getOrDefault(c.getKey(), "")))) {
                    return r.type();
                }
            }
            return fallback;
        }

        /** Every type this source can give. */
        public Set<String> possibleTypes() {
            Set<String> all = new java.util.TreeSet<>();
            all.add(fallback);
            rules.forEach(r -> all.add(r.type()));
            return all;
        }
    }

    /**
     * The subject's role: fixed, or read from a field through a map (an unmapped value is {@link EventRole#OTHER}).
     * {@code others}: persons named in the row besides the subject, by field prefix, with their fixed role.
     */
    public record RoleSpec(Optional<EventRole> fixed, String field, Map<String, EventRole> map,
                           Map<String, EventRole> others) {
        public RoleSpec {
            map = Map.copyOf(map);
            others = Map.copyOf(others);
        }
    }

    /** One event read from a row, for one person in it, before it is attached to a resolved person. */
    public record MappedEvent(String type, EventDate date, Optional<EventDate> end, EventRole role, String roleGiven,
                              Map<String, String> facts, String summary) {
    }

    /**
     * The event a row gives the person it describes under {@code personPrefix} ("" for the row's subject,
     * {@code mother.} for a second person), or empty when the row has no usable date.
     */
    public Optional<MappedEvent> map(Map<String, String> fields, String personPrefix) {
        Optional<EventDate> when = dateOf(fields);
        if (when.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        facts.forEach((name, field) -> values.put(name, fields.getOrDefault(field, "").strip()));
        EventRole r;
        String given;
        if (!personPrefix.isEmpty()) {
            String key = personPrefix.endsWith(".") ? personPrefix.substring(0, personPrefix.length() - 1)
                    : personPrefix;
            r = role.others().getOrDefault(key, EventRole.OTHER);
            given = key;
        } else if (role.fixed().isPresent()) {
            r = role.fixed().get();
            given = "";
        } else {
            given = fields.getOrDefault(role.field(), "").strip();
            r = role.map().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(given))
                    .map(Map.Entry::getValue).findFirst().orElse(EventRole.OTHER);
        }
        Optional<EventDate> end = endField.map(f -> fields.getOrDefault(f, "")).flatMap(EventSource::parseDate);
        return Optional.of(new MappedEvent(type.typeFor(values), when.get(), end, r, given, values,
                summarise(values, r, given)));
    }

    private Optional<EventDate> dateOf(Map<String, String> fields) {
        if (date instanceof DateSpec.FromField f) {
            return parseDate(fields.getOrDefault(f.field(), ""));
        }
        DateSpec.AcademicYear a = (DateSpec.AcademicYear) date;
        return academicYear(fields.getOrDefault(a.yearField(), ""),
                a.termField().map(t -> fields.getOrDefault(t, "")).orElse(""));
    }

    /** ISO date or date-time, as the intake standardises them; anything else is no date. */
    static Optional<EventDate> parseDate(String value) {
        String v = value.strip();
        try {
            if (v.length() > 10 && v.charAt(10) == 'T') {
                LocalDateTime t = LocalDateTime.parse(v);
                return Optional.of(t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? EventDate.day(t.toLocalDate())
                        : EventDate.at(t.toLocalDate(), t.toLocalTime()));
            }
            return v.length() == 10 ? Optional.of(EventDate.day(LocalDate.parse(v))) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "2024/25" and a term: autumn starts in September, spring in January, summer in April. */
    static Optional<EventDate> academicYear(String year, String term) {
        Matcher m = Pattern.compile("(\\d{4})\\s*[/-]\\s*\\d{2,4}").matcher(year.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        return Optional.of(switch (term.strip().toUpperCase(Locale.ROOT)) {
            case "SPR" -> EventDate.month(first + 1, 1);
            case "SUM" -> EventDate.month(first + 1, 4);
            default -> EventDate.month(first, 9);
        });
    }

    /**
     * Fills the summary's placeholders. The template's parts are separated by "; ": a later part whose
     * placeholders are all empty is dropped, so a summary never says "DASH risk " with nothing after it.
     */
    private String summarise(Map<String, String> values, EventRole r, String given) {
        String roleText = r == EventRole.OTHER ? given.toLowerCase(Locale.ROOT)
                : r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        List<String> kept = new ArrayList<>();
        String[] parts = summary.split("; ");
        for (int i = 0; i < parts.length; i++) {
            Matcher m = PLACEHOLDER.matcher(parts[i]);
            StringBuilder out = new StringBuilder();
            boolean anyEmpty = false;
            while (m.find()) {
                String v = m.group(1).equals("role") ? roleText : values.getOrDefault(m.group(1), "");
                anyEmpty |= v.isBlank();
                m.appendReplacement(out, Matcher.quoteReplacement(v.isBlank() ? "not recorded" : v));
            }
            m.appendTail(out);
            if (i == 0 || !anyEmpty) {
                kept.add(out.toString());
            }
        }
        return String.join("; ", kept);
    }

    static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
