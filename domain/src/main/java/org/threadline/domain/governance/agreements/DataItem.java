package org.threadline.domain.governance.agreements;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a provider shares: one feed (a source definition, config/sources) and the fields of it that may ever
 * leave the provider. Only the listed fields exist as far as sharing is concerned.
 *
 * @param feed                the source definition id whose rows this item is made of
 * @param specialCategory     the UK GDPR Article 9 category (e.g. {@code health}) when the item holds such data
 * @param criminalOffenceData true when the item holds Article 10 data (offences, allegations, convictions)
 * @param grants              who may receive which fields for which purposes
 * @param narrowing           fields withheld because of the subject's role on the event or their level of need
 */
public record DataItem(String id, String feed, String provider, List<String> fields, String classification,
                       Optional<String> specialCategory, boolean criminalOffenceData, Optional<Retention> retention,
                       List<Grant> grants, List<Narrowing> narrowing) {
    public DataItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(specialCategory, "specialCategory");
        Objects.requireNonNull(retention, "retention");
        fields = List.copyOf(fields);
        grants = List.copyOf(grants);
        narrowing = List.copyOf(narrowing);
    }
}
