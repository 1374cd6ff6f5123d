package org.threadline.domain.governance.need;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.threadline.domain.governance.agreements.LevelOfNeed;

/**
 * A person's level of need as a rule read it, with why: the indicator that placed them there and the events it
 * rests on, or why the level is unknown. An unknown level is never guessed: the agreements' narrowing treats it as
 * every level, so it withholds whatever any level would.
 *
 * @param level    the level, or empty when unknown
 * @param reason   in words: "need.specialist met as of 2026-03-31 under level-of-need@1", or why unknown
 * @param rule     the rule and rulebook versions that read it ({@code level-of-need@1 / level-of-need@1})
 * @param eventIds the chronology events the placing indicator cites (empty for the default level and for unknown)
 */
public record AssessedLevel(Optional<LevelOfNeed> level, String reason, String rule, List<String> eventIds) {
    public AssessedLevel {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        eventIds = List.copyOf(eventIds);
    }

    /** An unknown level, and why. */
    public static AssessedLevel unknown(String reason, String rule) {
        return new AssessedLevel(Optional.empty(), reason, rule, List.of());
    }
}
