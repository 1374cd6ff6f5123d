package org.threadline.domain.governance.agreements;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agreements in force: for each agreement id, its highest version that is not a draft (a new version
 * supersedes the old one entirely). Built only from agreements that passed every check; it answers the pipeline's question — may this feed
 * be taken in today? — and gives the policy decision point the agreements to decide by.
 */
public final class AgreementRegistry {
    private final List<Agreement> current;

    private AgreementRegistry(List<Agreement> current) {
        this.current = current;
    }

    /**
     * For each id, the highest version that is not a draft (a draft being prepared does not stop the signed version
     * in force), or the highest draft when there is nothing else.
     */
    public static AgreementRegistry of(List<Agreement> agreements) {
        Map<String, Agreement> latest = new LinkedHashMap<>();
        agreements.stream().sorted(Comparator.comparing(Agreement::id)
                        .thenComparing(a -> a.status() != AgreementStatus.DRAFT)
                        .thenComparingInt(Agreement::version))
                .forEach(a -> latest.put(a.id(), a));
        return new AgreementRegistry(List.copyOf(latest.values()));
    }

    /**
     * The agreements of a folder such as {@code config/agreements}, every one fully checked against the trusted keys
     * in {@code keys/trusted-keys.yaml} beside them; throws {@link InvalidAgreementException} with every defect of
     * every file when any has one (the pipeline then stops rather than share on a broken agreement).
     */
    public static AgreementRegistry load(java.nio.file.Path folder) {
        return of(Agreements.loadFolder(folder,
                Agreements.loadKeys(folder.resolve("keys").resolve("trusted-keys.yaml"))));
    }

    /** The current version of every agreement, live or not, in id order. */
    public List<Agreement> agreements() {
        return current;
    }

    public Optional<Agreement> agreement(String id) {
        return current.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * Whether a live agreement covers {@code agency}'s feed on {@code day}: an agreement whose data item is made
     * of that feed (or has that id) with {@code agency} as its provider. When none is live, the reason is taken
     * from the agreements that would have covered it (review overdue, expired, not yet valid, not active), and is
     * {@link FeedCoverage.Reason#NO_AGREEMENT} when no agreement mentions the feed at all.
     */
    public FeedCoverage coversFeed(String agency, String feedOrDataItem, LocalDate day) {
        FeedCoverage.NotCovered best = new FeedCoverage.NotCovered(FeedCoverage.Reason.NO_AGREEMENT,
                "no agreement has a data item for feed '" + feedOrDataItem + "' provided by '" + agency + "'",
                java.util.Optional.empty());
        for (Agreement a : current) {
            for (DataItem d : a.dataItems()) {
                if (!d.provider().equals(agency)
                        || !(d.feed().equals(feedOrDataItem) || d.id().equals(feedOrDataItem))) {
                    continue;
                }
                Agreement.Validity validity = a.validityOn(day);
                if (validity == Agreement.Validity.LIVE) {
                    return new FeedCoverage.Covered(a.reference(), d.id());
                }
                FeedCoverage.Reason reason = FeedCoverage.Reason.valueOf(validity.name());
                if (reason.ordinal() < best.reason().ordinal()) {
                    best = new FeedCoverage.NotCovered(reason, explain(a, validity, day),
                            java.util.Optional.of(a.reference()));
                }
            }
        }
        return best;
    }

    private static String explain(Agreement a, Agreement.Validity validity, LocalDate day) {
        return switch (validity) {
            case REVIEW_OVERDUE -> a.reference() + " was due for review on " + a.reviewDue()
                    + ": no new sharing until it is reviewed and re-signed";
            case EXPIRED -> a.reference() + " expired on " + a.validTo();
            case NOT_YET_VALID -> a.reference() + " is valid from " + a.validFrom() + ", not on " + day;
            case NOT_ACTIVE -> a.reference() + " is " + a.status().yamlName() + ", not active";
            case LIVE -> a.reference() + " is live";
        };
    }
}
