package org.threadline.app.web.access;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.threadline.domain.governance.need.AssessedLevel;
import org.threadline.domain.governance.need.LevelOfNeedRule;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.RulebookReader;
import org.threadline.store.indicators.IndicatorResultStore;

/**
 * Each person's level of need now (ADR 0036), which every read's subject carries so that the agreements' narrowing
 * by level acts on what the records show rather than treating everyone as unknown. Read from the person's stored
 * evaluation under the level rulebook, through the governance rule that maps its indicators to levels; anything
 * that rule cannot read is unknown, which narrows.
 */
@FunctionalInterface
public interface LevelsOfNeed {
    AssessedLevel of(String personId);

    /** Every level unknown (an installation with no level rule): every narrowing by level applies. */
    static LevelsOfNeed unknown(String why) {
        return p -> AssessedLevel.unknown(why, "none");
    }

    /** The stored evaluations under {@code rulebook}, read by {@code rule} (checked against the rulebook first). */
    static LevelsOfNeed stored(IndicatorResultStore results, Rulebook rulebook, LevelOfNeedRule rule) {
        LevelOfNeedRule checked = rule.checkedAgainst(rulebook);
        return p -> checked.assess(results.load(p, rulebook), rulebook);
    }

    /**
     * The installation's: {@code governance/level-of-need.yaml} under {@code config}, and the rulebook it names under
     * {@code config/rules}, checked against the chronology's vocabulary. Without the rule file every level is
     * unknown; a rule that is there but wrong stops the reader starting, as a bad agreement does.
     */
    static LevelsOfNeed installed(DataSource dataSource, Path config) {
        Path file = config.resolve("governance/level-of-need.yaml");
        if (!Files.isRegularFile(file)) {
            return unknown("no level-of-need rule in " + file);
        }
        LevelOfNeedRule rule = LevelOfNeedRule.read(file);
        Rulebook rulebook = new RulebookReader(EventVocabulary.of(org.threadline.domain.chronology.EventVocabulary
                .read(config.resolve("chronology/events.yaml")))).read(config.resolve("rules/" + rule.rulebook()
                + ".yaml"));
        return stored(new IndicatorResultStore(dataSource), rulebook, rule);
    }
}
