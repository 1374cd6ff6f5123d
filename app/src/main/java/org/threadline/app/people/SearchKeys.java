package org.threadline.app.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.names.FamiliarForms;
import org.threadline.linkage.comparison.Phonetic;

/**
 * The lookup keys that let "find a person" fetch only the records that can meet a query, instead of reading every
 * record for each search. For every way {@link PersonSearch} lets a field match, a record holds a key the query can
 * name: a name part's roots (itself and the formal names it stands for: exact and familiar forms), its Double
 * Metaphone codes (sounds alike) and its first 2, 3 and 4 letters (starts with); the date of birth; the compact
 * postcode and its first 2, 3 and 4 characters; each identifier. A query's criterion asks for any of its keys, and a
 * person is a candidate when each criterion is met by one of their records — always a superset of what the search
 * itself accepts, which then decides, field by field and only on what the searcher may see, as before.
 */
public final class SearchKeys {
    private static final int PREFIX = 4;

    private final FamiliarForms familiarForms;

    public SearchKeys(FamiliarForms familiarForms) {
        this.familiarForms = familiarForms;
    }

    /** The search keys of a record's identity fields (as {@code person_record.identity} holds them). */
    int[] of(Map<String, String> identity) {
        Set<Integer> keys = new LinkedHashSet<>();
        for (String part : parts(identity.get("forename"))) {
            keys.addAll(nameKeys("forename", part, true, false));
            for (int n = 2; n <= Math.min(PREFIX, part.length()); n++) {
                keys.add(key("forename:prefix", part.substring(0, n)));
            }
        }
        for (String part : parts(identity.get("surname"))) {
            keys.addAll(nameKeys("surname", part, false, false));
            for (int n = 2; n <= Math.min(PREFIX, part.length()); n++) {
                keys.add(key("surname:prefix", part.substring(0, n)));
            }
        }
        String dob = identity.getOrDefault("date_of_birth", "");
        if (!dob.isBlank()) {
            keys.add(key("dob", dob.strip()));
        }
        String postcode = compact(identity.getOrDefault("postcode", ""));
        if (!postcode.isEmpty()) {
            keys.add(key("postcode", postcode));
            for (int n = 2; n <= Math.min(PREFIX, postcode.length()); n++) {
                keys.add(key("postcode:prefix", postcode.substring(0, n)));
            }
        }
        for (String id : PersonSearch.IDENTIFIERS) {
            String value = compact(identity.getOrDefault(id, ""));
            if (!value.isEmpty()) {
                keys.add(key("identifier", value));
            }
        }
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Each criterion of the query as the keys any one of which meets it (a record matching the criterion holds at
     * least one). Empty when the query cannot run.
     */
    public List<int[]> criteria(PersonSearch.Query q) {
        List<int[]> out = new ArrayList<>();
        if (!PersonSearch.problems(q).isEmpty()) {
            return out;
        }
        if (!q.name().isEmpty()) {
            String[] names = q.name().toLowerCase(Locale.ROOT).split(" ");
            String sur = names[names.length - 1];
            if (names.length >= 2) {
                out.add(ints(nameKeys("forename", names[0], true, true)));
                out.add(ints(nameKeys("surname", sur, false, true)));
            } else {
                Set<Integer> either = new LinkedHashSet<>(nameKeys("surname", sur, false, true));
                either.addAll(nameKeys("forename", sur, true, true));
                out.add(ints(either));
            }
        }
        Optional<java.time.LocalDate> dob = PersonSearch.date(q.dateOfBirth());
        dob.ifPresent(d -> out.add(new int[] {key("dob", d.toString())}));
        String postcode = compact(q.postcode());
        if (!postcode.isEmpty()) {
            out.add(new int[] {postcode.length() >= 2
                    ? key("postcode:prefix", postcode.substring(0, Math.min(PREFIX, postcode.length())))
                    : key("postcode", postcode)});
        }
        String identifier = compact(q.identifier());
        if (!identifier.isEmpty()) {
            out.add(new int[] {key("identifier", identifier)});
        }
        return out;
    }

    /** Roots (exact, and familiar forms where the field allows them) and sound codes; a query adds its prefix. */
    private Set<Integer> nameKeys(String field, String name, boolean familiar, boolean asked) {
        Set<Integer> keys = new LinkedHashSet<>();
        for (String root : familiar ? familiarForms.roots(name) : Set.of(name)) {
            keys.add(key(field + ":root", root));
        }
        for (String code : List.of(Phonetic.doubleMetaphone(name), Phonetic.alternate(name))) {
            if (!code.isEmpty()) {
                keys.add(key(field + ":sound", code));
            }
        }
        if (asked && name.length() >= 2) {
            keys.add(key(field + ":prefix", name.substring(0, Math.min(PREFIX, name.length()))));
        }
        return keys;
    }

    /** The parts of a held name as the search compares them: lower case, split at spaces and hyphens. */
    private static List<String> parts(String held) {
        List<String> out = new ArrayList<>();
        if (held != null) {
            for (String part : held.toLowerCase(Locale.ROOT).strip().split("[ -]")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    static String compact(String s) {
        return s == null ? "" : s.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    private static int[] ints(Set<Integer> keys) {
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A search key: its kind and value hashed together, apart from the blocking and attach keys by the kind's name. */
    private static int key(String kind, String value) {
        return LookupKeys.mix(((long) ("search|" + kind).hashCode() << 32) ^ (value.hashCode() & 0xFFFFFFFFL));
    }
}
