package org.threadline.domain.governance.need;

import static org.threadline.domain.governance.RuleFile.text;
import static org.threadline.domain.governance.RuleFile.unknownKeys;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.governance.RuleFile;
import org.threadline.domain.governance.RuleFile.InvalidRuleFileException;
import org.threadline.domain.governance.agreements.LevelOfNeed;
import org.threadline.domain.indicators.Evaluation;
import org.threadline.domain.indicators.IndicatorResult;
import org.threadline.domain.indicators.Rulebook;

/**
 * Which indicators of a rulebook place a person at which level of need ({@code config/governance/level-of-need.yaml}).
 * Steps are listed highest level first and the first met decides, so a child on a child protection plan who was
 * also referred without a plan last year is SPECIALIST. A person evaluated with none met is at {@code otherwise}.
 *
 * <p>The level is read only where the evaluation can say it: never evaluated, evaluated under another version of the
 * rulebook, or a step's indicator unanswered or unanswerable leaves the level unknown, and unknown narrows (the
 * agreements withhold what any level would). A level is therefore never higher or lower than the records show; it
 * can only be missing.
 *
 * @param id        this rule's id, recorded with every level it reads
 * @param version   this rule's version: a changed mapping is a new version, reviewed like an agreement
 * @param rulebook  the id of the rulebook (under {@code config/rules}) whose stored results it reads
 * @param steps     highest level first
 * @param otherwise the level of a person evaluated with no step met
 */
public record LevelOfNeedRule(String id, int version, String rulebook, List<Step> steps, LevelOfNeed otherwise) {
    public LevelOfNeedRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rulebook, "rulebook");
        steps = List.copyOf(steps);
        Objects.requireNonNull(otherwise, "otherwise");
    }

    /** The level an indicator places a person at when it is met. */
    public record Step(LevelOfNeed level, String indicator) {
        public Step {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(indicator, "indicator");
        }
    }

    /** {@code id@version}. */
    public String reference() {
        return id + "@" + version;
    }

    /**
     * The level a stored evaluation places its subject at, under the current rulebook.
     *
     * @param stored  the subject's stored evaluation under {@link #rulebook}, if they were evaluated
     * @param current the rulebook as shipped now (its version must be the stored one's)
     */
    public AssessedLevel assess(Optional<Evaluation> stored, Rulebook current) {
        String rule = reference() + " / " + current.reference();
        if (!current.id().equals(rulebook)) {
            throw new IllegalArgumentException(reference() + " reads rulebook " + rulebook + ", not " + current.id());
        }
        if (stored.isEmpty()) {
            return AssessedLevel.unknown("not evaluated under " + current.reference(), rule);
        }
        Evaluation e = stored.get();
        if (!e.rulebook().equals(current.reference())) {
            return AssessedLevel.unknown("evaluated under " + e.rulebook() + ", not the current "
                    + current.reference(), rule);
        }
        for (Step step : steps) {
            Optional<IndicatorResult> r = e.result(step.indicator());
            if (r.isEmpty()) {
                return AssessedLevel.unknown(step.indicator() + " has no result as of " + e.asOf(), rule);
            }
            switch (r.get().status()) {
                case MET -> {
                    return new AssessedLevel(Optional.of(step.level()), step.indicator() + " met as of " + e.asOf()
                            + " under " + e.rulebook(), rule, List.copyOf(r.get().eventIds()));
                }
                case INSUFFICIENT_DATA -> {
                    return AssessedLevel.unknown(step.indicator() + " could not be answered as of " + e.asOf()
                            + ": " + r.get().reason(), rule);
                }
                case NOT_MET -> {
                    // the next level down
                }
            }
        }
        return new AssessedLevel(Optional.of(otherwise), "none of " + steps.stream().map(Step::indicator).toList()
                + " met as of " + e.asOf() + " under " + e.rulebook(), rule, List.of());
    }

    /** What is wrong with this rule against the rulebook it names (an indicator it lacks), each problem in words. */
    public List<String> problemsWith(Rulebook r) {
        List<String> problems = new ArrayList<>();
        if (!r.id().equals(rulebook)) {
            problems.add("$.rulebook: names " + rulebook + " but was checked against " + r.id());
        }
        for (int i = 0; i < steps.size(); i++) {
            if (r.indicator(steps.get(i).indicator()).isEmpty()) {
                problems.add("$.levels[" + i + "].indicator: " + r.reference() + " has no indicator "
                        + steps.get(i).indicator());
            }
        }
        return problems;
    }

    /** This rule, refused with every problem if it names an indicator the rulebook lacks. */
    public LevelOfNeedRule checkedAgainst(Rulebook r) {
        List<String> problems = problemsWith(r);
        if (!problems.isEmpty()) {
            throw new InvalidRuleFileException(reference(), problems);
        }
        return this;
    }

    public static LevelOfNeedRule read(Path file) {
        return parse(RuleFile.read(file), file.toString());
    }

    /** Reads and checks a rule, refusing it with every problem found ({@link InvalidRuleFileException}). */
    public static LevelOfNeedRule parse(String yaml, String origin) {
        JsonNode root = RuleFile.mapping(yaml, origin);
        List<String> problems = new ArrayList<>();
        unknownKeys(root, "$", Set.of("id", "version", "rulebook", "levels", "otherwise"), problems);
        String id = text(root, "id", "$", problems);
        int version = RuleFile.version(root, problems);
        String rulebook = text(root, "rulebook", "$", problems);
        Optional<LevelOfNeed> otherwise = level(root, "otherwise", "$", problems);
        List<Step> steps = new ArrayList<>();
        JsonNode list = root.path("levels");
        if (!list.isArray() || list.isEmpty()) {
            problems.add("$.levels: must be a list of {level, indicator}, highest level first");
        } else {
            Set<String> indicators = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "$.levels[" + i + "]";
                JsonNode s = list.get(i);
                if (!s.isObject()) {
                    problems.add(path + ": must be a mapping");
                    continue;
                }
                unknownKeys(s, path, Set.of("level", "indicator"), problems);
                Optional<LevelOfNeed> level = level(s, "level", path, problems);
                String indicator = text(s, "indicator", path, problems);
                if (!indicator.isEmpty() && !indicators.add(indicator)) {
                    problems.add(path + ".indicator: " + indicator + " is listed twice");
                }
                if (level.isPresent() && !steps.isEmpty()
                        && level.get().compareTo(steps.get(steps.size() - 1).level()) >= 0) {
                    problems.add(path + ".level: " + level.get() + " must be lower than the level before it ("
                            + steps.get(steps.size() - 1).level() + "): list the highest level first");
                }
                level.ifPresent(l -> steps.add(new Step(l, indicator)));
            }
            if (otherwise.isPresent() && !steps.isEmpty()
                    && otherwise.get().compareTo(steps.get(steps.size() - 1).level()) >= 0) {
                problems.add("$.otherwise: " + otherwise.get() + " must be lower than every step's level: it is the"
                        + " level of a person no step places");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRuleFileException(origin, problems);
        }
        return new LevelOfNeedRule(id, version, rulebook, steps, otherwise.orElseThrow());
    }

    private static Optional<LevelOfNeed> level(JsonNode n, String key, String path, List<String> problems) {
        String t = text(n, key, path, problems);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LevelOfNeed.valueOf(t));
        } catch (IllegalArgumentException e) {
            problems.add(path + "." + key + ": " + t + " is not a level of need (one of "
                    + List.of(LevelOfNeed.values()) + ")");
            return Optional.empty();
        }
    }
}
