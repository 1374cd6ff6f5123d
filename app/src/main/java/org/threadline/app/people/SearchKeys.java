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
 * Metaphone codes (sounds alike) and its starts of 2 to 8 letters (starts with); the date of birth; the compact
 * postcode and its starts; each identifier. A query's criterion asks for any of its keys, and a
 * person is a candidate when each criterion is met by one of their records — always a superset of what the search
 * itself accepts, which then decides, field by field and only on what the searcher may see, as before.
 */
public final class SearchKeys {
    private static final int LONGEST_START = 8;
    // Compiled once: these run for every record of a build (String.split and replaceAll compile on each call).
    private static final java.util.regex.Pattern NAME_PART_BREAK = java.util.regex.Pattern.compile("[ -]");
    private static final java.util.regex.Pattern SPACE_OR_HYPHEN = java.util.regex.Pattern.compile("[\\s-]");

    private final FamiliarForms familiarForms;
    private final String fingerprint;

    public SearchKeys(FamiliarForms familiarForms) {
        this.familiarForms = familiarForms;
        this.fingerprint = fingerprint(familiarForms);
    }

    /**
     * What the keys depend on besides this code: the familiar-forms table (a new pairing gives a name new roots).
     * The first 16 hex digits of a SHA-256 over its entries.
     */
    String fingerprint() {
        return fingerprint;
    }

    private static String fingerprint(FamiliarForms familiarForms) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            for (org.threadline.domain.names.FamiliarForm f : familiarForms.entries()) {
                d.update((f.formal() + "," + f.familiar() + "," + f.sex() + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The search keys of a record's identity fields (as {@code person_record.identity} holds them). */
    int[] of(Map<String, String> identity) {
        Set<Integer> keys = new LinkedHashSet<>();
        for (String part : parts(identity.get("forename"))) {
            keys.addAll(nameKeys("forename", part, true, false));
            keys.addAll(starts("forename:prefix", part));
        }
        for (String part : parts(identity.get("surname"))) {
            keys.addAll(nameKeys("surname", part, false, false));
            keys.addAll(starts("surname:prefix", part));
        }
        String dob = identity.getOrDefault("date_of_birth", "");
        if (!dob.isBlank()) {
            keys.add(key("dob", dob.strip()));
        }
        String postcode = compact(identity.getOrDefault("postcode", ""));
        if (!postcode.isEmpty()) {
            keys.add(key("postcode", postcode));
            keys.addAll(starts("postcode:prefix", postcode));
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
     * least one), the most selective first: an identifier, the date of birth, a whole postcode, the surname, the
     * forename (or the one name given), the start of a postcode. The store drives the lookup by the first. Empty when
     * the query cannot run.
     */
    public List<int[]> criteria(PersonSearch.Query q) {
        List<int[]> out = new ArrayList<>();
        if (!PersonSearch.problems(q).isEmpty()) {
            return out;
        }
        String identifier = compact(q.identifier());
        if (!identifier.isEmpty()) {
            out.add(new int[] {key("identifier", identifier)});
        }
        PersonSearch.date(q.dateOfBirth()).ifPresent(d -> out.add(new int[] {key("dob", d.toString())}));
        String postcode = compact(q.postcode());
        boolean wholePostcode = postcode.length() >= 5 || postcode.length() == 1;
        int[] postcodeKeys = postcode.isEmpty() ? null : new int[] {postcode.length() >= 2
                ? key("postcode:prefix", postcode.substring(0, Math.min(LONGEST_START, postcode.length())))
                : key("postcode", postcode)};
        if (postcodeKeys != null && wholePostcode) {
            out.add(postcodeKeys);
        }
        if (!q.name().isEmpty()) {
            String[] names = q.name().toLowerCase(Locale.ROOT).split(" ");
            String sur = names[names.length - 1];
            if (names.length >= 2) {
                out.add(ints(nameKeys("surname", sur, false, true)));
                out.add(ints(nameKeys("forename", names[0], true, true)));
            } else {
                Set<Integer> either = new LinkedHashSet<>(nameKeys("surname", sur, false, true));
                either.addAll(nameKeys("forename", sur, true, true));
                out.add(ints(either));
            }
        }
        if (postcodeKeys != null && !wholePostcode) {
            out.add(postcodeKeys);
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
            keys.add(key(field + ":prefix", name.substring(0, Math.min(LONGEST_START, name.length()))));
        }
        return keys;
    }

    /**
     * A value's starts from 2 characters up to {@value #LONGEST_START}: each typed start is then one key, as selective
     * as what was typed (HOMER finds HOMER and HOMERTON, not every HOME...), and a longer start is found by its first
     * {@value #LONGEST_START} characters.
     */
    private static List<Integer> starts(String kind, String value) {
        List<Integer> out = new ArrayList<>();
        for (int n = 2; n <= Math.min(LONGEST_START, value.length()); n++) {
            out.add(key(kind, value.substring(0, n)));
        }
        return out;
    }

    /** The parts of a held name as the search compares them: lower case, split at spaces and hyphens. */
    private static List<String> parts(String held) {
        List<String> out = new ArrayList<>();
        if (held != null) {
            for (String part : NAME_PART_BREAK.split(held.toLowerCase(Locale.ROOT).strip())) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    static String compact(String s) {
        return s == null ? "" : SPACE_OR_HYPHEN.matcher(s).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static int[] ints(Set<Integer> keys) {
        return keys.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A search key: its kind and value hashed together, apart from the blocking and attach keys by the kind's name. */
    private static int key(String kind, String value) {
        return LookupKeys.mix(((long) ("search|" + kind).hashCode() << 32) ^ (value.hashCode() & 0xFFFFFFFFL));
    }
}
