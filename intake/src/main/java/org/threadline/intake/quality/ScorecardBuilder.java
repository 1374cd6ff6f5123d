package org.threadline.intake.quality;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.threadline.intake.load.FieldValue;
import org.threadline.intake.load.LoadedRow;
import org.threadline.intake.standardise.Outcome;

/** Accumulates a scorecard row by row during a load, so that it costs no second pass over the file. */
public final class ScorecardBuilder {
    private static final int TOP_REASONS = 5;

    private final String definition;
    private final String file;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> reasons = new HashMap<>();
    /**
     * Per identity (name and date of birth, as a 64-bit hash): the hash of the first key seen, how many rows, and
     * whether a second key appeared. Hashes rather than the strings, and no set per identity, because this grows with
     * the distinct people in a file: a 3,000,000-person population's police file ran a 512 MB heap out of memory
     * holding a HashSet per person.
     */
    private final Map<Long, long[]> identities = new HashMap<>();
    private long rows;
    private long quarantined;
    private long dateAnomalies;

    public ScorecardBuilder(String definition, String file) {
        this.definition = definition;
        this.file = file;
    }

    public void add(LoadedRow row) {
        rows++;
        quarantined += row.quarantined() ? 1 : 0;
        row.fields().forEach((field, value) -> {
            long[] c = counts.computeIfAbsent(field, f -> new long[4]);
            c[value.outcome().ordinal()]++;
            if (value.outcome() != Outcome.OK && !value.reason().isBlank()) {
                reasons.computeIfAbsent(field, f -> new HashMap<>()).merge(value.reason(), 1L, Long::sum);
            }
            if (isDate(field) && (value.outcome() == Outcome.FLAGGED || value.outcome() == Outcome.INVALID)) {
                dateAnomalies++;
            }
        });
        identity(row.fields());
    }

    /** A person's name and date of birth, with the key the feed gives them. */
    private void identity(Map<String, FieldValue> fields) {
        String key = firstOf(fields, "person_key", "upn", "nhs_number", "record_key");
        String dob = value(fields, "date_of_birth");
        String surname = value(fields, "surname");
        String forename = value(fields, "forename");
        if (key.isEmpty() || dob.isEmpty() || surname.isEmpty()) {
            return;
        }
        long keyHash = fnv64(key);
        long[] seen = identities.computeIfAbsent(fnv64(forename + "|" + surname + "|" + dob),
                k -> new long[] {keyHash, 0, 0});
        seen[1]++;
        if (seen[0] != keyHash) {
            seen[2] = 1;
        }
    }

    /** FNV-1a, 64 bits: two different identities share a hash with odds of about one in 10^19 per pair. */
    static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static String firstOf(Map<String, FieldValue> fields, String... names) {
        for (String name : names) {
            String v = value(fields, name);
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static String value(Map<String, FieldValue> fields, String name) {
        FieldValue v = fields.get(name);
        return v == null || v.outcome() == Outcome.MISSING || v.outcome() == Outcome.INVALID ? "" : v.value();
    }

    private static boolean isDate(String field) {
        return field.endsWith("date_of_birth") || field.endsWith("event_date") || field.endsWith("event_datetime");
    }

    /** The scorecard of the load of the file with this SHA-256. */
    public Scorecard build(String sha256) {
        List<FieldQuality> fields = counts.entrySet().stream().map(e -> quality(e.getKey(), e.getValue())).toList();
        long duplicates = 0;
        for (long[] seen : identities.values()) {
            if (seen[2] == 1) {
                duplicates += seen[1];
            }
        }
        return new Scorecard(definition, file, sha256, rows, quarantined, fields, duplicates, dateAnomalies,
                List.of());
    }

    private FieldQuality quality(String field, long[] c) {
        long ok = c[Outcome.OK.ordinal()];
        long flagged = c[Outcome.FLAGGED.ordinal()];
        long missing = c[Outcome.MISSING.ordinal()];
        long invalid = c[Outcome.INVALID.ordinal()];
        long total = ok + flagged + missing + invalid;
        long present = total - missing;
        Map<String, Long> top = reasons.getOrDefault(field, Map.of()).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new FieldQuality(field, total, ok, flagged, missing, invalid,
                total == 0 ? 1 : (double) present / total, present == 0 ? 1 : (double) (ok + flagged) / present, top);
    }
}
