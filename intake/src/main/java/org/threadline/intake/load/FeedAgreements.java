package org.threadline.intake.load;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.FeedCoverage;
import org.threadline.intake.source.SourceDefinition;

/**
 * The agreements a feed must be covered by before any of it is taken in: on the day of the load (from the injected
 * clock), a live agreement must have a data item made of the feed, provided by the feed's agency. An agreement that
 * has expired, is overdue for review, is not yet valid or is not active stops the feed, and the refusal says which
 * agreement and why.
 */
public final class FeedAgreements {
    private final AgreementRegistry registry;
    private final Clock clock;

    public FeedAgreements(AgreementRegistry registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the definition's feed is covered today. */
    public FeedCoverage coverage(SourceDefinition definition) {
        return registry.coversFeed(definition.agency(), definition.id(), LocalDate.now(clock));
    }

    /**
     * The covering agreement and data item; throws {@link FeedRefusedException} naming the file, the definition,
     * the agency and the agreement's state when none covers the feed today.
     */
    public FeedCoverage.Covered require(Path file, SourceDefinition definition) {
        FeedCoverage coverage = coverage(definition);
        if (coverage instanceof FeedCoverage.Covered covered) {
            return covered;
        }
        throw new FeedRefusedException(file, definition, (FeedCoverage.NotCovered) coverage, LocalDate.now(clock));
    }
}
