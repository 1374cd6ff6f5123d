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
                           int maxPartnerAgeGap, int maxSiblingAgeGap) {
        public static final Settings DEFAULT = new Settings(365, 15, 55, 18, 15, 15);
    }

    private final Settings settings;

    public RelationshipInference(Settings settings) {
        this.settings = settings;
    }

    public List<Relationship> infer(List<PersonRow> rows, Map<String, PersonSummary> people) {
        Map<Key, Acc> found = new TreeMap<>();
        asserted(rows, found);
        inferred(rows, people, found);
        List<Relationship> out = new ArrayList<>();
        found.forEach((k, a) -> {
            a.evidence.sort(Comparator.naturalOrder());
            out.add(new Relationship(k.from, k.to, k.type, a.basis, a.rule, Optional.ofNullable(a.first),
                    Optional.empty(), a.evidence.stream().distinct().limit(50).toList()));
        });
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
            }
        }
        for (List<PersonRow> here : atAddress.values()) {
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
                    if (!a.personId().equals(b.personId())) {
                        coResident(a, b, people, household);
                    }
                }
            }
            dropAdultSiblingsAsPartners(household);
            household.forEach((k, v) -> merge(found, k, v));
        }
    }

    private void coResident(PersonRow a, PersonRow b, Map<String, PersonSummary> people, Map<Key, Acc> household) {
        LocalDate on = b.seenOn().get();
        add(household, a.personId(), b.personId(), RelationshipType.HOUSEHOLD_MEMBER_WITH, Basis.INFERRED,
                "co-resident: seen at the same address within " + settings.coResidenceWindowDays() + " days",
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
                            + " years older than a child", on, a.source(), b.source());
        } else if (youngerIsChild && !olderIsAdult && gap <= settings.maxSiblingAgeGap()) {
            add(household, a.personId(), b.personId(), RelationshipType.SIBLING_OF, Basis.INFERRED,
                    "co-resident children", on, a.source(), b.source());
        } else if (!youngerIsChild && gap <= settings.maxPartnerAgeGap()) {
            add(household, a.personId(), b.personId(), RelationshipType.PARTNER_OF, Basis.INFERRED,
                    "co-resident adults of similar age", on, a.source(), b.source());
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
