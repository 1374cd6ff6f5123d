package org.threadline.intake.load;

import java.nio.file.Path;
import java.time.LocalDate;
import org.threadline.domain.governance.agreements.FeedCoverage;
import org.threadline.intake.source.SourceDefinition;

/**
 * A file refused because no live agreement covers its feed. Nothing of the file is kept: not a copy, not a row, not
 * a landed-file record (holding data no agreement lets us hold would itself be the breach).
 */
public final class FeedRefusedException extends LoadException {
    private static final long serialVersionUID = 1L;
    private final transient FeedCoverage.NotCovered coverage;
    private final String definition;
    private final String agency;

    FeedRefusedException(Path file, SourceDefinition definition, FeedCoverage.NotCovered coverage, LocalDate day) {
        super("no agreement in force on " + day + " covers feed " + definition.reference() + " from agency '"
                + definition.agency() + "' (" + state(coverage.reason()) + ": " + coverage.detail() + "); nothing of "
                + file.getFileName() + " was loaded or kept");
        this.coverage = coverage;
        this.definition = definition.id();
        this.agency = definition.agency();
    }

    /** Why, and the agreement concerned where there is one. */
    public FeedCoverage.NotCovered coverage() {
        return coverage;
    }

    public String definitionId() {
        return definition;
    }

    public String agency() {
        return agency;
    }

    /** The agreement version the refusal is about ({@code ID@N}), or empty when no agreement mentions the feed. */
    public String agreement() {
        return coverage.agreement().orElse("");
    }

    private static String state(FeedCoverage.Reason reason) {
        return switch (reason) {
            case REVIEW_OVERDUE -> "agreement review overdue";
            case EXPIRED -> "agreement expired";
            case NOT_YET_VALID -> "agreement not yet valid";
            case NOT_ACTIVE -> "agreement not active";
            case NO_AGREEMENT -> "no agreement";
        };
    }
}
