package org.threadline.app.governance;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.Retention;

/**
 * How long each feed's rows are kept, from the agreements' data items. Rows are held once, whatever number of
 * agreements shares them, so where several agreements name the same provider's feed the longest retention wins (no
 * agreement loses data it still needs), and a row is deleted only if every agreement says {@code then: delete}
 * (any {@code review} means a person decides).
 */
public record RetentionPolicy(List<FeedRule> rules) {
    public RetentionPolicy {
        rules = List.copyOf(rules);
    }

    /** One provider's feed: keep for {@code keep} after the clock starts, then delete or review. */
    public record FeedRule(String agency, String feed, Period keep, boolean delete, List<String> basis) {
        public FeedRule {
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(keep, "keep");
            basis = List.copyOf(basis);
        }

        /** Rows whose clock started on or before this day have reached the end of their retention on {@code asOf}. */
        public LocalDate lastStartExpiredOn(LocalDate asOf) {
            return asOf.minus(keep);
        }
    }

    public static RetentionPolicy of(List<Agreement> agreements) {
        Map<String, FeedRule> byFeed = new LinkedHashMap<>();
        for (Agreement a : agreements) {
            for (DataItem item : a.dataItems()) {
                if (item.retention().isEmpty()) {
                    continue;   // the linter rejects such an agreement; nothing here can say how long to keep it
                }
                Retention r = item.retention().get();
                String ref = a.reference() + "/" + item.id() + " (" + r.duration() + " from " + r.from() + ", then "
                        + r.then() + ")";
                String key = item.provider() + "|" + item.feed();
                FeedRule rule = new FeedRule(item.provider(), item.feed(), r.duration(), r.then().equals("delete"),
                        List.of(ref));
                byFeed.merge(key, rule, (x, y) -> {
                    List<String> basis = new ArrayList<>(x.basis());
                    basis.addAll(y.basis());
                    Period longer = days(x.keep()) >= days(y.keep()) ? x.keep() : y.keep();
                    return new FeedRule(x.agency(), x.feed(), longer, x.delete() && y.delete(), basis);
                });
            }
        }
        return new RetentionPolicy(new ArrayList<>(byFeed.values()));
    }

    /** Periods compared by their length from a fixed day (P1Y vs P365D, P6Y vs P72M). */
    private static long days(Period p) {
        LocalDate from = LocalDate.of(2000, 1, 1);
        return from.plus(p).toEpochDay() - from.toEpochDay();
    }
}
