package org.threadline.app.people;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.threadline.domain.names.FamiliarForms;
import org.threadline.linkage.comparison.Phonetic;
import org.threadline.store.people.Build;

/**
 * Finds persons by name, date of birth, postcode or identifier over every source record's identity, and says why
 * each one matched. Names match exactly, by a familiar form (Bill for William), by sound (Double Metaphone) or by
 * the start of the name; a person matches when every criterion given is met by one of their records. A search can
 * only match on fields the searcher may see: the caller passes what the policy decision point released.
 */
public final class PersonSearch {
    /** The identifiers a search may name, as the records hold them. */
    public static final List<String> IDENTIFIERS = List.of("nhs_number", "upn", "pnc_id", "ni_number");
    private static final int LIMIT = 50;

    /** How many candidate persons a search reads at most: a broader query is asked to say more. */
    public static final int CANDIDATES = 1_000;
    /**
     * How many records of its most selective criterion a search reads at most (a surname alone can be held by a
     * million records at 3,000,000 people): beyond it the search is too broad to be complete, and says so.
     */
    public static final int DRIVER_RECORDS = 50_000;

    private final FamiliarForms familiarForms;
    private final SearchKeys keys;

    public PersonSearch(FamiliarForms familiarForms) {
        this.familiarForms = familiarForms;
        this.keys = new SearchKeys(familiarForms);
    }

    /**
     * What a search found, and whether it was too broad to read every candidate (then the best matches among the
     * first {@value #CANDIDATES} candidates are shown, and the searcher is asked for more detail).
     */
    public record Found(List<Hit> hits, boolean tooBroad) {
    }

    /**
     * Runs a query over the store: only the records of persons who can meet every criterion are read, found by their
     * lookup keys ({@link SearchKeys}); a store whose build predates the keys is read whole, as before.
     */
    public Found find(Query q, org.threadline.store.people.PeopleStore store,
                      BiPredicate<Build.RecordRow, String> visible) {
        if (!store.lookupScheme().equals(java.util.Optional.of(LookupKeys.scheme(keys)))) {
            // Keys made another way (or none) would miss people: read every record, slow but complete, until the
            // next build writes keys under this scheme.
            return new Found(search(q, store.allRecordRows(), visible), false);
        }
        org.threadline.store.people.PeopleStore.Candidates found = store.personsMeetingEvery(keys.criteria(q),
                CANDIDATES + 1, DRIVER_RECORDS);
        List<String> persons = found.persons();
        boolean tooBroad = persons.size() > CANDIDATES || !found.readAll();
        List<Build.RecordRow> records = store.recordRowsOf(persons.size() > CANDIDATES ? persons.subList(0, CANDIDATES) : persons);
        return new Found(search(q, records, visible), tooBroad);
    }

    /** What was asked; blank parts are not used. At least one part must be given. */
    public record Query(String name, String dateOfBirth, String postcode, String identifier) {
        public Query {
            name = clean(name);
            dateOfBirth = clean(dateOfBirth);
            postcode = clean(postcode);
            identifier = clean(identifier);
        }

        public boolean isEmpty() {
            return name.isEmpty() && dateOfBirth.isEmpty() && postcode.isEmpty() && identifier.isEmpty();
        }

        private static String clean(String s) {
            return s == null ? "" : s.strip().replaceAll("\\s+", " ");
        }
    }

    /** How a field matched, strongest first. */
    public enum How {
        EXACT("exactly", 3.0), FAMILIAR_FORM("as a familiar form", 2.0), SOUNDS_LIKE("sounds alike", 1.5),
        STARTS_WITH("starts with what you typed", 1.0);

        private final String label;
        private final double score;

        How(String label, double score) {
            this.label = label;
            this.score = score;
        }

        public String label() {
            return label;
        }
    }

    /** One reason a person matched: a record's field, and how. */
    public record Reason(String field, How how, String recordKey, String agency) {
    }

    /** A person found, with every reason, best first. */
    public record Hit(String personId, double score, List<Reason> reasons) {
    }

    /** Problems with the query, each with the form field it concerns; empty when the query can run. */
    public static Map<String, String> problems(Query q) {
        Map<String, String> out = new LinkedHashMap<>();
        if (q.isEmpty()) {
            out.put("name", "Enter a name, date of birth, postcode or identifier");
        }
        if (!q.dateOfBirth().isEmpty() && date(q.dateOfBirth()).isEmpty()) {
            out.put("dateOfBirth", "Enter the date of birth as day/month/year, for example 27/03/2014");
        }
        if (!q.name().isEmpty() && q.name().replaceAll("[^\\p{L}]", "").length() < 2) {
            out.put("name", "Enter at least 2 letters of a name");
        }
        return out;
    }

    /**
     * Runs a query over records.
     *
     * @param visible whether the searcher may see this field of this record (the policy decision point's answer)
     */
    public List<Hit> search(Query q, List<Build.RecordRow> records, BiPredicate<Build.RecordRow, String> visible) {
        if (!problems(q).isEmpty()) {
            throw new IllegalArgumentException("query cannot run: " + problems(q));
        }
        String[] names = q.name().toLowerCase(Locale.ROOT).split(" ");
        String fore = q.name().isEmpty() || names.length < 2 ? "" : names[0];
        String sur = q.name().isEmpty() ? "" : names[names.length - 1];
        Optional<LocalDate> dob = date(q.dateOfBirth());
        String postcode = compact(q.postcode());
        String identifier = compact(q.identifier());

        Map<String, Map<Criterion, List<Reason>>> byPerson = new LinkedHashMap<>();
        for (Build.RecordRow r : records) {
            Map<Criterion, List<Reason>> met = new EnumMap<>(Criterion.class);
            if (!q.name().isEmpty()) {
                if (!fore.isEmpty()) {
                    name(r, "forename", fore, true, visible).ifPresent(x -> met.computeIfAbsent(Criterion.FORENAME,
                            k -> new ArrayList<>()).add(x));
                    name(r, "surname", sur, false, visible).ifPresent(x -> met.computeIfAbsent(Criterion.SURNAME,
                            k -> new ArrayList<>()).add(x));
                } else {
                    // One word: either name will do.
                    Optional<Reason> either = name(r, "surname", sur, false, visible)
                            .or(() -> name(r, "forename", sur, true, visible));
                    either.ifPresent(x -> met.computeIfAbsent(Criterion.SURNAME, k -> new ArrayList<>()).add(x));
                }
            }
            if (dob.isPresent() && visible.test(r, "date_of_birth")
                    && dob.get().toString().equals(r.identity().getOrDefault("date_of_birth", ""))) {
                met.computeIfAbsent(Criterion.DATE_OF_BIRTH, k -> new ArrayList<>())
                        .add(new Reason("date_of_birth", How.EXACT, r.recordKey(), r.agency()));
            }
            if (!postcode.isEmpty() && visible.test(r, "postcode")) {
                String held = compact(r.identity().getOrDefault("postcode", ""));
                if (!held.isEmpty() && (held.equals(postcode) || postcode.length() >= 2 && held.startsWith(postcode))) {
                    met.computeIfAbsent(Criterion.POSTCODE, k -> new ArrayList<>()).add(new Reason("postcode",
                            held.equals(postcode) ? How.EXACT : How.STARTS_WITH, r.recordKey(), r.agency()));
                }
            }
            if (!identifier.isEmpty()) {
                for (String id : IDENTIFIERS) {
                    if (visible.test(r, id) && identifier.equals(compact(r.identity().getOrDefault(id, "")))) {
                        met.computeIfAbsent(Criterion.IDENTIFIER, k -> new ArrayList<>())
                                .add(new Reason(id, How.EXACT, r.recordKey(), r.agency()));
                    }
                }
            }
            if (!met.isEmpty()) {
                Map<Criterion, List<Reason>> all = byPerson.computeIfAbsent(r.personId(),
                        k -> new EnumMap<>(Criterion.class));
                met.forEach((c, rs) -> all.computeIfAbsent(c, k -> new ArrayList<>()).addAll(rs));
            }
        }
        int wanted = (int) java.util.Arrays.stream(Criterion.values()).filter(c -> c.asked(q, fore)).count();
        List<Hit> hits = new ArrayList<>();
        byPerson.forEach((person, met) -> {
            if (met.size() == wanted) {
                List<Reason> reasons = new ArrayList<>();
                double score = 0;
                for (List<Reason> rs : met.values()) {
                    rs.sort(Comparator.comparing(Reason::how));
                    score += rs.get(0).how().score;
                    reasons.addAll(rs);
                }
                hits.add(new Hit(person, score, List.copyOf(reasons)));
            }
        });
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::personId));
        return hits.size() > LIMIT ? List.copyOf(hits.subList(0, LIMIT)) : List.copyOf(hits);
    }

    private enum Criterion {
        FORENAME, SURNAME, DATE_OF_BIRTH, POSTCODE, IDENTIFIER;

        boolean asked(Query q, String fore) {
            return switch (this) {
                case FORENAME -> !fore.isEmpty();
                case SURNAME -> !q.name().isEmpty();
                case DATE_OF_BIRTH -> !q.dateOfBirth().isEmpty();
                case POSTCODE -> !q.postcode().isEmpty();
                case IDENTIFIER -> !q.identifier().isEmpty();
            };
        }
    }

    private Optional<Reason> name(Build.RecordRow r, String field, String asked, boolean familiar,
                                  BiPredicate<Build.RecordRow, String> visible) {
        if (!visible.test(r, field)) {
            return Optional.empty();
        }
        String held = r.identity().getOrDefault(field, "").toLowerCase(Locale.ROOT).strip();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        // A record may hold several forenames ("MARY JANE"): any one of them may match.
        How best = null;
        for (String part : held.split("[ -]")) {
            How how = part.equals(asked) ? How.EXACT
                    : familiar && familiarForms.areEquivalent(part, asked) ? How.FAMILIAR_FORM
                    : Phonetic.matches(part, asked) ? How.SOUNDS_LIKE
                    : asked.length() >= 2 && part.startsWith(asked) ? How.STARTS_WITH : null;
            if (how != null && (best == null || how.compareTo(best) < 0)) {
                best = how;
            }
        }
        return Optional.ofNullable(best).map(h -> new Reason(field, h, r.recordKey(), r.agency()));
    }

    static Optional<LocalDate> date(String text) {
        for (String pattern : List.of("d/M/uuuu", "uuuu-MM-dd", "d-M-uuuu", "d.M.uuuu")) {
            try {
                return Optional.of(LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern)
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT)));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private static String compact(String s) {
        return SearchKeys.compact(s);
    }
}
