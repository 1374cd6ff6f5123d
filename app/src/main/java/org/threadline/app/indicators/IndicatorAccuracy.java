package org.threadline.app.indicators;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.threadline.app.people.TruthEvaluation;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Status;
import org.threadline.domain.indicators.reporting.AccuracyReport;
import org.threadline.domain.indicators.reporting.Labelled;
import org.threadline.store.people.PeopleStore;

/**
 * Measures stored indicator results against a synthetic population's truth: for each of our persons, the true
 * person most of its records are about, that person's true adversities and outcomes turned into the indicators
 * they should meet, and their subgroups (ethnicity, sex, the family's deprivation quintile).
 *
 * <p>What the truth can and cannot judge, stated here because the table depends on it: the truth records childhood
 * adversities and outcomes over a whole childhood up to the extract (missing episodes, exclusions and absence as
 * lifetime counts), while several rules look back 12 months; those rows measure how much of a child's history the
 * recent-window rule sees, not the rule's own accuracy. Adult adversities have dated spells, so the SMD domains are
 * judged against spells overlapping the rule's window. An indicator without a truth counterpart is not measured.
 */
public final class IndicatorAccuracy {
    /** The derived row for truth's ABUSE: met when any of the three abuse ACEs is. */
    public static final String ANY_ABUSE = "ace.abuse (any of the three)";
    /** Truth's childhood adversities and the indicator each should meet. ABUSE is judged against any abuse ACE. */
    static final Map<String, String> CHILDHOOD = Map.of(
            "DOMESTIC_ABUSE", "ace.domestic_abuse",
            "PARENTAL_SUBSTANCE_MISUSE", "ace.household_substance_misuse",
            "PARENTAL_MENTAL_ILL_HEALTH", "ace.household_mental_ill_health",
            "PARENTAL_IMPRISONMENT", "ace.household_imprisonment",
            "NEGLECT", "ace.physical_neglect",
            "PARENTAL_SEPARATION", "ace.parental_separation",
            "ABUSE", ANY_ABUSE);
    /** Truth's adult adversity spells and the SMD domain each should meet when it overlaps the window. */
    static final Map<String, String> ADULT = Map.of(
            "HOMELESSNESS", "smd.homelessness",
            "DRUG_MISUSE", "smd.substance_misuse",
            "ALCOHOL_MISUSE", "smd.substance_misuse",
            "IMPRISONMENT", "smd.offending",
            "MENTAL_ILL_HEALTH", "smd.mental_health",
            "DOMESTIC_ABUSE_VICTIM", "smd.domestic_abuse");
    static final List<String> ABUSE_ACES = List.of("ace.physical_abuse", "ace.emotional_abuse", "ace.sexual_abuse");
    /** The measured indicators, in the order the table lists them. */
    public static final List<String> MEASURED = List.of("ace.domestic_abuse", "ace.household_substance_misuse",
            "ace.household_mental_ill_health", "ace.household_imprisonment", "ace.physical_neglect",
            "ace.parental_separation", ANY_ABUSE, "missing.repeated", "exclusion.recent", "absence.persistent",
            "offending.early_onset", "exploitation.indicators", "smd.homelessness", "smd.substance_misuse",
            "smd.offending", "smd.mental_health", "smd.domestic_abuse", "smd.two_or_more", "smd.core");
    public static final List<String> ATTRIBUTES = List.of("ethnicity", "sex", "deprivation quintile");

    private IndicatorAccuracy() {
    }

    /**
     * @param statuses   our stored status per person and indicator
     * @param rulebooks  the rulebooks the results came from (their parameters set the truth's thresholds)
     * @param asOf       the date the results are as of (the SMD window ends on it)
     */
    public static AccuracyReport measure(PeopleStore store, Map<String, Map<String, Status>> statuses,
                                         List<Rulebook> rulebooks, Path truthDir, LocalDate asOf, double tolerance,
                                         int minimumSupport) throws IOException {
        Map<String, String> trueOf = TruthEvaluation.truePersonOf(store, truthDir);
        Map<String, Set<String>> truth = truthLabels(truthDir, parameters(rulebooks), asOf);
        Map<String, Map<String, String>> attributes = attributes(truthDir);
        List<Labelled> labelled = new ArrayList<>();
        statuses.forEach((ours, status) -> {
            String t = trueOf.get(ours);
            if (t == null) {
                return; // a person named only as someone's mother, say: the truth does not say who they are
            }
            Map<String, Status> predicted = new LinkedHashMap<>(status);
            anyAbuse(status).ifPresent(s -> predicted.put(ANY_ABUSE, s));
            labelled.add(new Labelled(ours, attributes.getOrDefault(t, Map.of()), predicted,
                    truth.getOrDefault(t, Set.of())));
        });
        return AccuracyReport.measure(labelled, MEASURED, ATTRIBUTES, tolerance, minimumSupport);
    }

    /** MET if any abuse ACE is, NOT_MET if none is and at least one could answer, else INSUFFICIENT_DATA. */
    static Optional<Status> anyAbuse(Map<String, Status> status) {
        List<Status> parts = ABUSE_ACES.stream().map(status::get).filter(Objects::nonNull).toList();
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.contains(Status.MET)) {
            return Optional.of(Status.MET);
        }
        return Optional.of(parts.contains(Status.NOT_MET) ? Status.NOT_MET : Status.INSUFFICIENT_DATA);
    }

    private static Map<String, Double> parameters(List<Rulebook> rulebooks) {
        Map<String, Double> out = new HashMap<>();
        rulebooks.forEach(r -> r.parameters().forEach((name, p) -> out.put(name, p.value())));
        return out;
    }

    static Map<String, Set<String>> truthLabels(Path truthDir, Map<String, Double> parameters, LocalDate asOf)
            throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        double missing = parameters.getOrDefault("missing_episodes", 3.0);
        double firstOffence = parameters.getOrDefault("first_offence_age", 14.0);
        for (CSVRecord r : csv(truthDir.resolve("outcomes.csv"))) {
            Set<String> labels = out.computeIfAbsent(r.get("person_id"), k -> new HashSet<>());
            for (String a : r.get("childhood_adversities").split("\\|")) {
                if (CHILDHOOD.containsKey(a)) {
                    labels.add(CHILDHOOD.get(a));
                }
            }
            if (Integer.parseInt(r.get("missing_episodes")) >= missing) {
                labels.add("missing.repeated");
            }
            if (Integer.parseInt(r.get("exclusions")) > 0) {
                labels.add("exclusion.recent");
            }
            if (Integer.parseInt(r.get("persistent_absence_years")) > 0) {
                labels.add("absence.persistent");
            }
            String age = r.get("first_offence_age");
            if (!age.isBlank() && Integer.parseInt(age) < firstOffence) {
                labels.add("offending.early_onset");
            }
            if (r.get("exploited").equals("Y")) {
                labels.add("exploitation.indicators");
            }
        }
        LocalDate windowStart = asOf.minusMonths((long) (double) parameters.getOrDefault("smd_window_months", 24.0))
                .plusDays(1);
        for (CSVRecord r : csv(truthDir.resolve("adversities.csv"))) {
            String domain = ADULT.get(r.get("adversity"));
            if (domain == null) {
                continue;
            }
            LocalDate from = LocalDate.parse(r.get("from"));
            LocalDate to = r.get("to").isBlank() ? asOf : LocalDate.parse(r.get("to"));
            if (!from.isAfter(asOf) && !to.isBefore(windowStart)) {
                out.computeIfAbsent(r.get("person_id"), k -> new HashSet<>()).add(domain);
            }
        }
        for (Set<String> labels : out.values()) {
            long core = List.of("smd.homelessness", "smd.substance_misuse", "smd.offending").stream()
                    .filter(labels::contains).count();
            if (core >= 2) {
                labels.add("smd.two_or_more");
            }
            if (core == 3) {
                labels.add("smd.core");
            }
        }
        return out;
    }

    private static Map<String, Map<String, String>> attributes(Path truthDir) throws IOException {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (CSVRecord r : csv(truthDir.resolve("people.csv"))) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("ethnicity", r.get("heritage"));
            a.put("sex", r.get("sex"));
            a.put("deprivation quintile", r.isMapped("family_deprivation_quintile")
                    ? r.get("family_deprivation_quintile") : "unknown");
            out.put(r.get("person_id"), a);
        }
        return out;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
