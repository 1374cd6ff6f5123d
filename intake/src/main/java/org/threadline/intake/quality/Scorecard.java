package org.threadline.intake.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The quality of one load of one feed.
 *
 * @param definition        the source definition that read the file ({@code schools-pupils v1})
 * @param file              the file's name as received
 * @param sha256            the file's SHA-256 (the load it describes)
 * @param rows              rows read
 * @param quarantined       rows quarantined
 * @param fields            per field, in the definition's order
 * @param likelyDuplicates  rows whose name and date of birth repeat under a different person key: the same person
 *                          registered twice, or a data-entry slip worth a look
 * @param dateAnomalies     date values flagged (ambiguous day/month, two-digit year) or refused (impossible dates)
 * @param drift             changes against the previous load of the same feed, in plain words (empty for a first load)
 */
public record Scorecard(String definition, String file, String sha256, long rows, long quarantined,
                        List<FieldQuality> fields, long likelyDuplicates, long dateAnomalies, List<String> drift) {

    /** Drift larger than this (in percentage points of completeness or validity) is reported. */
    static final double DRIFT_POINTS = 5.0;

    public Scorecard {
        fields = List.copyOf(fields);
        drift = List.copyOf(drift);
    }

    /** This scorecard with the drift against {@code previous} (the last load of the same definition) filled in. */
    public Scorecard withDriftFrom(Scorecard previous) {
        List<String> changes = new ArrayList<>();
        for (FieldQuality now : fields) {
            for (FieldQuality before : previous.fields()) {
                if (before.field().equals(now.field())) {
                    compare(changes, now.field(), "completeness", before.completeness(), now.completeness());
                    compare(changes, now.field(), "validity", before.validity(), now.validity());
                }
            }
        }
        for (FieldQuality before : previous.fields()) {
            if (fields.stream().noneMatch(f -> f.field().equals(before.field()))) {
                changes.add(before.field() + ": present in the previous load, absent now");
            }
        }
        return new Scorecard(definition, file, sha256, rows, quarantined, fields, likelyDuplicates, dateAnomalies,
                changes);
    }

    private static void compare(List<String> changes, String field, String measure, double before, double now) {
        double points = (now - before) * 100;
        if (Math.abs(points) >= DRIFT_POINTS) {
            changes.add(String.format(Locale.UK, "%s: %s %s from %.1f%% to %.1f%%", field, measure,
                    points < 0 ? "fell" : "rose", before * 100, now * 100));
        }
    }
}
