package org.threadline.domain.people;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.threadline.domain.chronology.SourceRef;

/**
 * Relationships between resolved people, from what sources assert and from co-residence.
 *
 * <p>Asserted (a source said so): a health visitor's record names a child's mother; a homelessness case lists the
 * applicant's partner, children and parent; police record a child present at a domestic incident with the adults
 * involved. Inferred (a named rule concluded it): people seen at the same address within a window are a household;
 * among them an adult 15–55 years older than a child is inferred to be a parent, children are inferred siblings, and
 * adults of similar age who are not both the inferred children of another co-resident adult are inferred partners.
 * An asserted relationship of a type replaces an inferred one between the same people; evidence from several rows
 * is gathered on one relationship.
 */
public final class RelationshipInference {

    /** The knobs of the inference rules, stated so they can be published with the results they produce. */
    public record Settings(int coResidenceWindowDays, int minParentAgeGap, int maxParentAgeGap, int adultAge,
                           int maxPartnerAgeGap, int maxSiblingAgeGap, int maxPeopleAtOneAddress) {
        public static final Settings DEFAULT = new Settings(365, 15, 55, 18, 15, 15, 20);
    }

    private final Settings settings;

    public RelationshipInference(Settings settings) {
        this.settings = settings;
    }

    public List<Relationship> infer(List<PersonRow> rows, Map<String, PersonSummary> people) {
        Map<Key, Acc> found = new TreeMap<>();
        asserted(rows, found);
        inferred(rows, people, found);
        Map<Key, LivingApart> ended = livingApart(rows, found);
        List<Relationship> out = new ArrayList<>();
        found.forEach((k, a) -> {
            a.evidence.sort(Comparator.naturalOrder());
            LivingApart apart = ended.get(k);
            List<SourceRef> evidence = new ArrayList<>(a.evidence);
            String rule = a.rule;
            if (apart != null) {
                evidence.addAll(apart.evidence());
                rule = a.rule + "; ended: " + ENDED_RULE + " (" + apart.since() + ")";
            }
            out.add(new Relationship(k.from, k.to, k.type, a.basis, rule, Optional.ofNullable(a.first),
                    Optional.ofNullable(apart).map(LivingApart::lastTogether),
                    evidence.stream().distinct().limit(50).toList()));
        });
        return out;
    }

    static final String ENDED_RULE = "partners seen living at different addresses";

    /** When partners were last seen at one address, when they were first seen apart, and the rows that show it. */
    private record LivingApart(LocalDate lastTogether, LocalDate since, List<SourceRef> evidence) {
    }

    /**
     * Partnerships that ended, by a named rule over addresses: after the last day both partners were seen at one
     * address, each was seen again, their latest addresses differ, neither is seen after that day at an address the
     * other was seen at then, and the one who moved was seen at least twice away (one stray row, a temporary or a
     * mistyped address, does not end a partnership). Only full address lines count, never postcodes alone.
     */
    private Map<Key, LivingApart> livingApart(List<PersonRow> rows, Map<Key, Acc> found) {
        Map<String, List<PersonRow>> seen = new HashMap<>();
        for (PersonRow r : rows) {
            if (r.seenOn().isPresent() && r.addressKey().isPresent()) {
                seen.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r);
            }
        }
        seen.values().forEach(l -> l.sort(Comparator.comparing((PersonRow r) -> r.seenOn().get())
                .thenComparing(PersonRow::source)));
        Map<Key, LivingApart> out = new HashMap<>();
        for (Key k : found.keySet()) {
            if (k.type != RelationshipType.PARTNER_OF) {
                continue;
            }
            List<PersonRow> a = seen.getOrDefault(k.from, List.of());
            List<PersonRow> b = seen.getOrDefault(k.to, List.of());
            Optional<LocalDate> together = lastTogether(a, b);
            if (together.isEmpty()) {
                continue;
            }
            LocalDate t = together.get();
            List<PersonRow> aAfter = a.stream().filter(r -> r.seenOn().get().isAfter(t)).toList();
            List<PersonRow> bAfter = b.stream().filter(r -> r.seenOn().get().isAfter(t)).toList();
            if (aAfter.isEmpty() || bAfter.isEmpty()) {
                continue;
            }
            Set<String> aPlaces = places(aAfter);
            Set<String> bPlaces = places(bAfter);
            if (aPlaces.stream().anyMatch(bPlaces::contains)) {
                continue;
            }
            Set<String> bEver = places(b);
            Set<String> aEver = places(a);
            long aAway = aAfter.stream().filter(r -> !bEver.contains(r.addressKey().get())).count();
            long bAway = bAfter.stream().filter(r -> !aEver.contains(r.addressKey().get())).count();
            if (Math.max(aAway, bAway) < 2) {
                continue;
            }
            LocalDate since = aAfter.get(0).seenOn().get().isBefore(bAfter.get(0).seenOn().get())
                    ? aAfter.get(0).seenOn().get() : bAfter.get(0).seenOn().get();
            out.put(k, new LivingApart(t, since, List.of(aAfter.get(aAfter.size() - 1).source(),
                    bAfter.get(bAfter.size() - 1).source())));
        }
        return out;
    }

    /** The last day both were seen at one address: for each shared address, the earlier of their last sightings. */
    private static Optional<LocalDate> lastTogether(List<PersonRow> a, List<PersonRow> b) {
        Map<String, LocalDate> lastA = new HashMap<>();
        a.forEach(r -> lastA.merge(r.addressKey().get(), r.seenOn().get(), (x, y) -> x.isAfter(y) ? x : y));
        Map<String, LocalDate> lastB = new HashMap<>();
        b.forEach(r -> lastB.merge(r.addressKey().get(), r.seenOn().get(), (x, y) -> x.isAfter(y) ? x : y));
        return lastA.entrySet().stream().filter(e -> lastB.containsKey(e.getKey()))
                .map(e -> e.getValue().isBefore(lastB.get(e.getKey())) ? e.getValue() : lastB.get(e.getKey()))
                .max(LocalDate::compareTo);
    }

    private static Set<String> places(List<PersonRow> rows) {
        Set<String> out = new java.util.HashSet<>();
        rows.forEach(r -> out.add(r.addressKey().get()));
        return out;
    }

    private void asserted(List<PersonRow> rows, Map<Key, Acc> found) {
        Map<String, List<PersonRow>> byRow = new LinkedHashMap<>();
        Map<String, List<PersonRow>> byGroup = new LinkedHashMap<>();
        for (PersonRow r : rows) {
            byRow.computeIfAbsent(r.source().fileId() + ":" + r.source().rowNumber(), k -> new ArrayList<>()).add(r);
            String def = r.source().definitionId();
            if (def.equals("housing-people") || def.equals("police-incident-persons")) {
                byGroup.computeIfAbsent(def + "|" + r.field("record_key"), k -> new ArrayList<>()).add(r);
            }
        }
        for (List<PersonRow> same : byRow.values()) {
            PersonRow child = same.stream().filter(r -> r.part().isEmpty()).findFirst().orElse(null);
            for (PersonRow r : same) {
                if (child != null && r.part().equals("mother")) {
                    add(found, r.personId(), child.personId(), RelationshipType.PARENT_OF, Basis.ASSERTED,
                            "health visitor named the mother", r.seenOn().orElse(null), r.source());
                }
            }
        }
        for (Map.Entry<String, List<PersonRow>> g : byGroup.entrySet()) {
            if (g.getKey().startsWith("housing-people|")) {
                housingCase(g.getValue(), found);
            } else {
                domesticIncident(g.getValue(), found);
            }
        }
    }

    private void housingCase(List<PersonRow> members, Map<Key, Acc> found) {
        for (PersonRow a : members) {
            for (PersonRow b : members) {
                String ra = a.field("role").toUpperCase(Locale.ROOT);
                String rb = b.field("role").toUpperCase(Locale.ROOT);
                RelationshipType type = null;
                if (ra.equals("APPLICANT") && rb.equals("PARTNER")) {
                    type = RelationshipType.PARTNER_OF;
                } else if (ra.equals("APPLICANT") && rb.equals("CHILD") || ra.equals("PARENT") && rb.equals("APPLICANT")) {
                    type = RelationshipType.PARENT_OF;
                } else if (ra.equals("CHILD") && rb.equals("CHILD")) {
                    type = RelationshipType.SIBLING_OF;
                } else if (a.personId().compareTo(b.personId()) < 0) {
                    type = RelationshipType.HOUSEHOLD_MEMBER_WITH;
                }
                if (type != null && !a.personId().equals(b.personId())) {
                    add(found, a.personId(), b.personId(), type, Basis.ASSERTED,
                            "homelessness case: " + a.field("role") + " and " + b.field("role"),
                            a.seenOn().orElse(null), a.source(), b.source());
                }
            }
        }
    }

    private void domesticIncident(List<PersonRow> involved, Map<Key, Acc> found) {
        for (PersonRow child : involved) {
            if (!child.field("role").equalsIgnoreCase("CHILD PRESENT")
                    || !child.field("attribute.DOMESTIC_ABUSE_FLAG").equalsIgnoreCase("Y")) {
                continue;
            }
            for (PersonRow adult : involved) {
                String role = adult.field("role").toUpperCase(Locale.ROOT);
                if ((role.equals("VICTIM") || role.equals("SUSPECT")) && !adult.personId().equals(child.personId())) {
                    add(found, adult.personId(), child.personId(), RelationshipType.HOUSEHOLD_MEMBER_WITH,
                            Basis.ASSERTED, "police: child present at a domestic incident",
                            child.seenOn().orElse(null), adult.source(), child.source());
                }
            }
        }
    }

    private void inferred(List<PersonRow> rows, Map<String, PersonSummary> people, Map<Key, Acc> found) {
        Map<String, List<PersonRow>> atAddress = new TreeMap<>();
        for (PersonRow r : rows) {
            if (r.seenOn().isPresent()) {
                r.addressKey().ifPresent(k -> atAddress.computeIfAbsent(k, x -> new ArrayList<>()).add(r));
                // Several feeds give only a postcode: a postcode shared by people of one surname stands in for an
                // address there (a weaker rule, named as such, and used only where a row has no address line).
                String postcode = r.field("postcode").replace(" ", "");
                String surname = r.field("surname");
                if (!postcode.isEmpty() && !surname.isEmpty() && !postcode.startsWith("ZZ99")) {
                    atAddress.computeIfAbsent(POSTCODE_AND_SURNAME + postcode + " " + surname,
                            x -> new ArrayList<>()).add(r);
                }
            }
        }
        java.util.IdentityHashMap<PersonRow, Boolean> hasAddress = new java.util.IdentityHashMap<>();
        rows.forEach(r -> hasAddress.put(r, r.addressKey().isPresent()));
        for (Map.Entry<String, List<PersonRow>> place : atAddress.entrySet()) {
            List<PersonRow> here = place.getValue();
            // An address shared by more people than a household holds is an institution (a hostel, a care home, a
            // ward), or a placeholder: co-residence there says nothing about family, and pairing its rows would
            // cost the square of their number.
            if (here.stream().map(PersonRow::personId).distinct().count() > settings.maxPeopleAtOneAddress()) {
                continue;
            }
            boolean byPostcode = place.getKey().startsWith(POSTCODE_AND_SURNAME);
            here.sort(Comparator.comparing((PersonRow r) -> r.seenOn().get()).thenComparing(PersonRow::source));
            Map<Key, Acc> household = new TreeMap<>();
            for (int i = 0; i < here.size(); i++) {
                for (int j = i + 1; j < here.size(); j++) {
                    PersonRow a = here.get(i);
                    PersonRow b = here.get(j);
                    long apart = ChronoUnit.DAYS.between(a.seenOn().get(), b.seenOn().get());
                    if (apart > settings.coResidenceWindowDays()) {
                        break;
                    }
                    boolean addressesKnown = hasAddress.get(a) && hasAddress.get(b);
                    if (!a.personId().equals(b.personId()) && !(byPostcode && addressesKnown)) {
                        coResident(a, b, people, household, byPostcode ? BY_POSTCODE : "");
                    }
                }
            }
            dropAdultSiblingsAsPartners(household);
            household.forEach((k, v) -> merge(found, k, v));
        }
    }

    private static final String POSTCODE_AND_SURNAME = "POSTCODE+SURNAME ";
    private static final String BY_POSTCODE = " (by postcode and surname, no address line)";

    private void coResident(PersonRow a, PersonRow b, Map<String, PersonSummary> people, Map<Key, Acc> household,
                            String how) {
        LocalDate on = b.seenOn().get();
        add(household, a.personId(), b.personId(), RelationshipType.HOUSEHOLD_MEMBER_WITH, Basis.INFERRED,
                "co-resident: seen at the same address within " + settings.coResidenceWindowDays() + " days" + how,
                a.seenOn().get(), a.source(), b.source());
        Optional<LocalDate> ba = dob(people, a.personId());
        Optional<LocalDate> bb = dob(people, b.personId());
        if (ba.isEmpty() || bb.isEmpty()) {
            return;
        }
        PersonRow older = ba.get().isBefore(bb.get()) ? a : b;
        PersonRow younger = older == a ? b : a;
        LocalDate olderBorn = ba.get().isBefore(bb.get()) ? ba.get() : bb.get();
        LocalDate youngerBorn = older == a ? bb.get() : ba.get();
        long gap = ChronoUnit.YEARS.between(olderBorn, youngerBorn);
        boolean youngerIsChild = ChronoUnit.YEARS.between(youngerBorn, on) < settings.adultAge();
        boolean olderIsAdult = ChronoUnit.YEARS.between(olderBorn, on) >= settings.adultAge();
        if (youngerIsChild && olderIsAdult && gap >= settings.minParentAgeGap() && gap <= settings.maxParentAgeGap()) {
            add(household, older.personId(), younger.personId(), RelationshipType.PARENT_OF, Basis.INFERRED,
                    "co-resident adult " + settings.minParentAgeGap() + "-" + settings.maxParentAgeGap()
                            + " years older than a child" + how, on, a.source(), b.source());
        } else if (youngerIsChild && !olderIsAdult && gap <= settings.maxSiblingAgeGap()) {
            add(household, a.personId(), b.personId(), RelationshipType.SIBLING_OF, Basis.INFERRED,
                    "co-resident children" + how, on, a.source(), b.source());
        } else if (!youngerIsChild && gap <= settings.maxPartnerAgeGap()) {
            add(household, a.personId(), b.personId(), RelationshipType.PARTNER_OF, Basis.INFERRED,
                    "co-resident adults of similar age" + how, on, a.source(), b.source());
        }
    }

    /** Two adults who are both inferred children of the same co-resident adult are grown-up siblings, not partners. */
    private static void dropAdultSiblingsAsPartners(Map<Key, Acc> household) {
        Map<String, List<String>> parentsOf = new HashMap<>();
        household.keySet().stream().filter(k -> k.type == RelationshipType.PARENT_OF)
                .forEach(k -> parentsOf.computeIfAbsent(k.to, x -> new ArrayList<>()).add(k.from));
        household.keySet().removeIf(k -> k.type == RelationshipType.PARTNER_OF
                && parentsOf.getOrDefault(k.from, List.of()).stream()
                .anyMatch(p -> parentsOf.getOrDefault(k.to, List.of()).contains(p)));
        household.keySet().removeIf(k -> k.type == RelationshipType.PARTNER_OF
                && (parentsOf.getOrDefault(k.from, List.of()).contains(k.to)
                || parentsOf.getOrDefault(k.to, List.of()).contains(k.from)));
    }

    private static Optional<LocalDate> dob(Map<String, PersonSummary> people, String id) {
        PersonSummary p = people.get(id);
        return p == null ? Optional.empty() : p.dateOfBirth();
    }

    private record Key(String from, String to, RelationshipType type) implements Comparable<Key> {
        public int compareTo(Key o) {
            int c = from.compareTo(o.from);
            if (c == 0) {
                c = to.compareTo(o.to);
            }
            return c != 0 ? c : type.compareTo(o.type);
        }
    }

    private static final class Acc {
        Basis basis;
        String rule;
        LocalDate first;
        final List<SourceRef> evidence = new ArrayList<>();
    }

    private static void add(Map<Key, Acc> found, String from, String to, RelationshipType type, Basis basis,
                            String rule, LocalDate on, SourceRef... evidence) {
        String f = from;
        String t = to;
        if (type.symmetric() && f.compareTo(t) > 0) {
            f = to;
            t = from;
        }
        Acc a = new Acc();
        a.basis = basis;
        a.rule = rule;
        a.first = on;
        a.evidence.addAll(List.of(evidence));
        merge(found, new Key(f, t, type), a);
    }

    private static void merge(Map<Key, Acc> found, Key key, Acc add) {
        Acc have = found.get(key);
        if (have == null) {
            found.put(key, add);
            return;
        }
        if (have.basis == Basis.INFERRED && add.basis == Basis.ASSERTED) {
            have.basis = Basis.ASSERTED;
            have.rule = add.rule;
        }
        if (add.first != null && (have.first == null || add.first.isBefore(have.first))) {
            have.first = add.first;
        }
        if (have.evidence.size() < 50) {
            have.evidence.addAll(add.evidence);
        }
    }
}
