package org.threadline.intake.standardise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads dates the way agencies write them (DOMAIN.md §2.1): a source definition lists its formats in priority
 * order. The rules, each one a reason a person can read:
 * <ul>
 *   <li>blank → MISSING; a sentinel (01/01/1900 and the like) → MISSING, "sentinel date";</li>
 *   <li>a value no format reads → INVALID; a value that has the shape of a format but is no real day (31/02/2019)
 *       → INVALID, "no such date";</li>
 *   <li>two-digit years are refused unless a pivot year is configured, in which case YY ≤ pivot means 20YY and
 *       the result is FLAGGED with the rule applied;</li>
 *   <li>when two listed formats read the same text as different days (03/04/2019 as 3 April or 4 March), the first
 *       format's reading is kept and FLAGGED "ambiguous day/month" — never guessed silently;</li>
 *   <li>a date after {@code notAfter} (a date of birth in the future) → INVALID.</li>
 * </ul>
 * Patterns use {@link DateTimeFormatter} letters with strict resolution ({@code uuuu} is implied for {@code yyyy});
 * the special format {@code excel-serial} reads Excel day numbers (1900 date system) from spreadsheet feeds. A format
 * with hours and minutes ({@code dd/MM/yyyy HH:mm}) also keeps the time of day ({@link StandardisedDate#time()}).
 */
public final class DateStandardiser {
    /** Values that systems write when they do not know a date. */
    public static final Set<LocalDate> DEFAULT_SENTINELS = Set.of(LocalDate.of(1900, 1, 1),
            LocalDate.of(1899, 12, 31), LocalDate.of(1800, 1, 1), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));
    private static final Pattern TWO_DIGIT_YEAR = Pattern.compile("^\\d{1,2}[/.\\- ]\\d{1,2}[/.\\- ]\\d{2}$");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final String EXCEL_SERIAL = "excel-serial";

    private final List<String> patterns;
    private final List<DateTimeFormatter> formats;
    private final Set<LocalDate> sentinels;
    private final Integer pivot;
    private final LocalDate notAfter;

    private DateStandardiser(List<String> patterns, Set<LocalDate> sentinels, Integer pivot, LocalDate notAfter) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one date format is needed");
        }
        this.patterns = List.copyOf(patterns);
        this.formats = new ArrayList<>();
        for (String p : patterns) {
            formats.add(p.equals(EXCEL_SERIAL) ? null : strict(p));
        }
        this.sentinels = Set.copyOf(sentinels);
        this.pivot = pivot;
        this.notAfter = notAfter;
    }

    /** Formats in priority order, the default sentinels, two-digit years refused, no upper bound. */
    public static DateStandardiser of(String... patterns) {
        return new DateStandardiser(List.of(patterns), DEFAULT_SENTINELS, null, null);
    }

    /** The same, reading two-digit years by a pivot: YY ≤ pivot is 20YY, otherwise 19YY. */
    public DateStandardiser withTwoDigitYearPivot(int pivotYear) {
        if (pivotYear < 0 || pivotYear > 99) {
            throw new IllegalArgumentException("a two-digit-year pivot is 0-99, was " + pivotYear);
        }
        return new DateStandardiser(patterns, sentinels, pivotYear, notAfter);
    }

    /** The same, refusing dates after {@code latest} (e.g. the load date, for dates of birth). */
    public DateStandardiser notAfter(LocalDate latest) {
        return new DateStandardiser(patterns, sentinels, pivot, latest);
    }

    public StandardisedDate standardise(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            return StandardisedDate.missing(raw, "blank");
        }
        if (TWO_DIGIT_YEAR.matcher(text).matches()) {
            return twoDigitYear(raw, text);
        }
        // The day each format reads, with the time of the first format to read that day (when it reads one).
        Map<LocalDate, Optional<LocalTime>> readings = new LinkedHashMap<>();
        boolean shapedButImpossible = false;
        for (int i = 0; i < patterns.size(); i++) {
            Reading r = read(i, text);
            if (r.date != null) {
                readings.putIfAbsent(r.date, Optional.ofNullable(r.time));
            }
            shapedButImpossible |= r.impossible;
        }
        if (readings.isEmpty()) {
            return shapedButImpossible ? StandardisedDate.invalid(raw, "no such date")
                    : StandardisedDate.invalid(raw, "not a date in the expected formats " + patterns);
        }
        LocalDate date = readings.keySet().iterator().next();
        LocalTime time = readings.get(date).orElse(null);
        if (sentinels.contains(date)) {
            return StandardisedDate.missing(raw, "sentinel date " + date + " means unknown");
        }
        if (notAfter != null && date.isAfter(notAfter)) {
            return StandardisedDate.invalid(raw, "after " + notAfter);
        }
        if (readings.size() > 1) {
            return StandardisedDate.flagged(raw, date, time, "ambiguous day/month: also reads as "
                    + new ArrayList<>(readings.keySet()).subList(1, readings.size()));
        }
        return StandardisedDate.ok(raw, date, time);
    }

    private StandardisedDate twoDigitYear(String raw, String text) {
        if (pivot == null) {
            return StandardisedDate.invalid(raw, "two-digit year refused (no pivot configured)");
        }
        String[] parts = text.split("[/.\\- ]");
        int yy = Integer.parseInt(parts[2]);
        int year = yy <= pivot ? 2000 + yy : 1900 + yy;
        String expanded = parts[0] + "/" + parts[1] + "/" + year;
        StandardisedDate four = (monthFirst(patterns) ? of("M/d/uuuu") : of("d/M/uuuu")).standardise(expanded);
        if (four.date() == null) {
            return StandardisedDate.invalid(raw, four.reason());
        }
        if (sentinels.contains(four.date())) {
            return StandardisedDate.missing(raw, "sentinel date " + four.date() + " means unknown");
        }
        return StandardisedDate.flagged(raw, four.date(), null, "two-digit year read as " + year + " (pivot " + pivot + ")"
                + (four.outcome() == Outcome.FLAGGED ? "; " + four.reason() : ""));
    }

    /** Two-digit years are read day-first unless the definition's first format is month-first. */
    private static boolean monthFirst(List<String> sourcePatterns) {
        return sourcePatterns.get(0).startsWith("M");
    }

    private Reading read(int i, String text) {
        if (formats.get(i) == null) {
            return excelSerial(text);
        }
        try {
            TemporalAccessor parsed = formats.get(i).parse(SEPT.matcher(text).replaceAll("Sep"));
            LocalDate date = parsed.query(TemporalQueries.localDate());
            // A format with hours and minutes keeps the time of day; one without leaves it unknown (null).
            return date == null ? new Reading(null, null, false)
                    : new Reading(date, parsed.query(TemporalQueries.localTime()), false);
        } catch (DateTimeParseException e) {
            // A value with the right shape whose fields make no date (31/02) is "impossible", not "unreadable".
            return new Reading(null, null, e.getCause() instanceof DateTimeException);
        }
    }

    private static Reading excelSerial(String text) {
        if (!text.matches("\\d{1,6}(\\.0+)?")) {
            return new Reading(null, null, false);
        }
        int serial = Integer.parseInt(text.replaceAll("\\..*", ""));
        // Excel's 1900 system counts a 29 February 1900 that never was; serials from 61 on are shifted by it.
        return serial < 61 ? new Reading(null, null, true) : new Reading(EXCEL_EPOCH.plusDays(serial), null, false);
    }

    /**
     * Month abbreviations are read in English ("Sep"), and "Sept", which British writers and Java's own en-GB data
     * use, is read as "Sep": a partner's "09-Sep-2018" and "09-Sept-2018" are the same day.
     */
    private static DateTimeFormatter strict(String pattern) {
        String p = pattern.replace("yyyy", "uuuu");
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    private static final java.util.regex.Pattern SEPT = java.util.regex.Pattern.compile("(?i)(?<![a-z])sept(?![a-z])");

    private record Reading(LocalDate date, LocalTime time, boolean impossible) {
    }
}
