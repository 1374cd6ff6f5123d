package org.threadline.domain.governance.agreements;

/**
 * Whether a live agreement covers a feed on a day: intake refuses a feed that is not covered, and says why.
 */
public sealed interface FeedCoverage {

    boolean covered();

    /** A live agreement has a data item made of this feed, provided by this agency. */
    record Covered(String agreement, String dataItem) implements FeedCoverage {
        @Override
        public boolean covered() {
            return true;
        }
    }

    /**
     * Nothing live covers the feed; {@code detail} names the agreement and date where there is one, and
     * {@code agreement} is that agreement's version ({@code ID@N}), empty when no agreement mentions the feed.
     */
    record NotCovered(Reason reason, String detail, java.util.Optional<String> agreement) implements FeedCoverage {
        public NotCovered {
            java.util.Objects.requireNonNull(reason, "reason");
            java.util.Objects.requireNonNull(detail, "detail");
            java.util.Objects.requireNonNull(agreement, "agreement");
        }

        @Override
        public boolean covered() {
            return false;
        }
    }

    /** Why not, most telling first: an agreement that lapsed says more than no agreement at all. */
    enum Reason { REVIEW_OVERDUE, EXPIRED, NOT_YET_VALID, NOT_ACTIVE, NO_AGREEMENT }
}
