package org.threadline.app.web.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one viewer may see of one data item about one subject, and why.
 *
 * @param dataItem the agreement's data item (the feed the record or event came from)
 * @param subject the person id
 * @param shown the standardised fields that may be shown ({@code surname}, {@code event_date} ...)
 * @param withheld each requested field not shown, with the reason in words
 * @param basis in words: the agreement relied on, or "your agency's own record"
 * @param agreements the agreement versions relied on ({@code ID@N}); empty for an agency's own record
 * @param columns the source columns released (what the audit log records)
 * @param reasonCodes the decision point's reason codes (on a deny), for the audit log
 */
public record Access(String dataItem, String subject, Set<String> shown, Map<String, String> withheld, String basis,
                     List<String> agreements, Set<String> columns, List<String> reasonCodes) {
    public Access {
        shown = Set.copyOf(shown);
        withheld = Map.copyOf(withheld);
        agreements = List.copyOf(agreements);
        columns = Set.copyOf(columns);
        reasonCodes = List.copyOf(reasonCodes);
    }

    public boolean any() {
        return !shown.isEmpty();
    }

    /** The fields shown, sorted, for a page. */
    public List<String> shownSorted() {
        return shown.stream().map(f -> f.replace("column:", "")).sorted().toList();
    }

    /** One row per source and outcome: a page's panel lists each once, however many records it read. */
    public static List<Access> distinct(List<Access> accesses) {
        Map<String, Access> out = new java.util.LinkedHashMap<>();
        for (Access a : accesses) {
            out.putIfAbsent(a.dataItem() + "|" + a.shownSorted() + "|" + a.basis(), a);
        }
        return List.copyOf(out.values());
    }

    /** The distinct reasons, in words, for the sources a page could show nothing of (not naming the sources). */
    public static List<String> reasonsNothingShown(List<Access> accesses) {
        return accesses.stream().filter(a -> !a.any()).map(Access::basis).distinct().sorted().toList();
    }

    /** Why the withheld fields are withheld, in words, each reason once. */
    public String basisOfWithheld() {
        return String.join("; ", new java.util.TreeSet<>(withheld.values()));
    }

    /** Released under a break-glass grant (not as the agreements would release it to anyone of this role). */
    public boolean underBreakGlass() {
        return any() && !reasonCodes.isEmpty() && reasonCodes.get(0).equals(AccessPolicy.BREAK_GLASS);
    }

    public boolean shows(String field) {
        return shown.contains(field);
    }
}
