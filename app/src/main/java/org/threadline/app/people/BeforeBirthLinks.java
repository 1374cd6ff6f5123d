package org.threadline.app.people;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.threadline.domain.chronology.EventSource;
import org.threadline.domain.chronology.EventVocabulary;

/**
 * Joins the records of rows about a child not yet born to the child once born. An antenatal contact names no child,
 * only the mother, so the linkage model has nothing to compare (no name, date of birth or identifier of the child)
 * and each such record stayed a person of its own: a pre-birth concern never reached the child's chronology, and at
 * 14,000 people these records were three quarters of the true pairs the build missed.
 *
 * <p>The rule (declared per source in the event vocabulary, {@code before_birth}): the record joins the one child of
 * the same mother (her resolved person) born within the declared window after the row's date. No such child yet, or
 * more than one (twins, two births in the window, one child held as two persons), and the record stays apart, as
 * before. A record the model had already joined to others is left as the model made it.
 */
final class BeforeBirthLinks {
    /** A before-birth record to join to the cluster of {@code childRecord}, and why, in words that name no value. */
    record Move(int record, int childRecord, int parentRecord, String reason) {
    }

    /** The joins found, and how many before-birth records stay apart because no single child qualifies. */
    record Result(List<Move> moves, int apart) {
    }

    private final EventVocabulary vocabulary;

    BeforeBirthLinks(EventVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The date of the row this part is the subject of, when the row is about a child not yet born. */
    Optional<LocalDate> beforeBirth(PersonPart p) {
        if (!p.prefix().isEmpty()) {
            return Optional.empty();
        }
        return vocabulary.source(p.row().definitionId()).flatMap(s -> s.beforeBirthDate(p.row().values()));
    }

    /** A child of a resolved parent: one of the child's records and the date of birth it gives. */
    private record Child(int record, LocalDate born) {
    }

    Result find(List<List<PersonPart>> partsOf, int[] clusterOf) {
        Set<String> parents = new java.util.HashSet<>();
        vocabulary.sources().values().forEach(s -> s.beforeBirth().ifPresent(b -> parents.add(b.parent())));
        if (parents.isEmpty()) {
            return new Result(List.of(), 0);
        }
        Map<String, Integer> recordOfParentPart = new HashMap<>();
        for (int i = 0; i < partsOf.size(); i++) {
            for (PersonPart p : partsOf.get(i)) {
                if (!p.prefix().isEmpty() && parents.contains(p.prefix().substring(0, p.prefix().length() - 1))) {
                    recordOfParentPart.put(p.key(), i);
                }
            }
        }
        Map<Integer, List<Child>> childrenOf = new HashMap<>();
        List<Integer> beforeBirth = new ArrayList<>();
        for (int i = 0; i < partsOf.size(); i++) {
            for (PersonPart p : partsOf.get(i)) {
                if (beforeBirth(p).isPresent()) {
                    beforeBirth.add(i);
                    continue;
                }
                Optional<LocalDate> born = date(p.field("date_of_birth"));
                if (!p.prefix().isEmpty() || born.isEmpty()) {
                    continue;
                }
                for (String parent : parents) {
                    Integer m = recordOfParentPart.get(p.key() + ":" + parent);
                    if (m != null) {
                        childrenOf.computeIfAbsent(clusterOf[m], k -> new ArrayList<>()).add(new Child(i, born.get()));
                    }
                }
            }
        }
        Map<Integer, Integer> clusterSize = new HashMap<>();
        for (int c : clusterOf) {
            clusterSize.merge(c, 1, Integer::sum);
        }
        List<Move> moves = new ArrayList<>();
        int apart = 0;
        for (int i : beforeBirth) {
            Optional<Move> move = partsOf.get(i).size() == 1 && clusterSize.get(clusterOf[i]) == 1
                    ? move(i, partsOf, recordOfParentPart, childrenOf, clusterOf) : Optional.empty();
            if (move.isPresent()) {
                moves.add(move.get());
            } else {
                apart++;
            }
        }
        return new Result(moves, apart);
    }

    private Optional<Move> move(int record, List<List<PersonPart>> partsOf, Map<String, Integer> recordOfParentPart,
                                Map<Integer, List<Child>> childrenOf, int[] clusterOf) {
        PersonPart p = partsOf.get(record).get(0);
        EventSource.BeforeBirth rule = vocabulary.source(p.row().definitionId()).orElseThrow().beforeBirth()
                .orElseThrow();
        LocalDate contact = beforeBirth(p).orElseThrow();
        Integer parent = recordOfParentPart.get(p.key() + ":" + rule.parent());
        if (parent == null) {
            return Optional.empty();
        }
        // One date of birth per child (the child's records are many, and some carry a mistyped date): the one most
        // of its records give.
        Map<Integer, Map<LocalDate, Integer>> datesOfChild = new TreeMap<>();
        Map<Integer, Integer> recordOfChild = new TreeMap<>();
        for (Child c : childrenOf.getOrDefault(clusterOf[parent], List.of())) {
            int cluster = clusterOf[c.record()];
            if (cluster != clusterOf[record]) {
                datesOfChild.computeIfAbsent(cluster, k -> new TreeMap<>()).merge(c.born(), 1, Integer::sum);
                recordOfChild.merge(cluster, c.record(), Math::min);
            }
        }
        // Exactly one child born in the window. Taking the first birth after the row instead would be right for
        // real births (a pregnancy ends before the next begins) but joined 4 records wrongly at 14,000 synthetic
        // people, whose generator can space siblings a month apart: a wrong join is the worse error here.
        List<Integer> born = new ArrayList<>();
        datesOfChild.forEach((cluster, dates) -> {
            long days = ChronoUnit.DAYS.between(contact, mode(dates));
            if (days >= 0 && days <= rule.bornWithinDays()) {
                born.add(cluster);
            }
        });
        if (born.size() != 1) {
            return Optional.empty(); // no birth yet, twins, or two children (or one held as two persons)
        }
        int child = recordOfChild.get(born.get(0));
        // Shown beside the record wherever it is shown, so it names no value (no date, no other record): the
        // viewer may not be permitted the child's date of birth or the records that give it.
        String reason = String.format(java.util.Locale.UK, "Joined before birth: the row names no child, only the %s."
                + " The one child of that %s born within %d days after the row's date is this person.",
                rule.parent(), rule.parent(), rule.bornWithinDays());
        return Optional.of(new Move(record, child, parent, reason));
    }

    /** The date most often given; of equally frequent dates, the earliest. */
    private static LocalDate mode(Map<LocalDate, Integer> counts) {
        LocalDate best = null;
        for (Map.Entry<LocalDate, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static Optional<LocalDate> date(String iso) {
        if (iso.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
