package org.threadline.linkage.comparison;

/**
 * Date comparisons on epoch days (days since 1970-01-01, as {@link java.time.LocalDate#toEpochDay()}), the form
 * the engine stores dates of birth in: an {@code int} per record, compared without objects.
 *
 * <p>The levels are those of a date-of-birth ladder: exact, day and month transposed (a 03/04 vs 04/03 entry
 * slip, common between UK and US forms), within N days, same month and year, same year. {@link #UNKNOWN} marks a
 * missing or unparseable date and never agrees with anything, itself included.
 *
 * <p>Calendar fields are derived with Howard Hinnant's proleptic Gregorian {@code civil_from_days} integer
 * arithmetic rather than {@code LocalDate}, so nothing is allocated per pair.
 */
public final class Dates {

    /** The sentinel for a missing or unparseable date; no predicate is true of it. */
    public static final int UNKNOWN = Integer.MIN_VALUE;

    private static final int ISO_LENGTH = 10;

    private Dates() {
    }

    /**
     * Parses an ISO {@code yyyy-MM-dd} date (years 0000-9999) into epoch days, or returns {@link #UNKNOWN} for
     * null, any other shape, or a date that does not exist (2023-02-29). Meant for loading, once per record.
     */
    public static int parse(String iso) {
        if (iso == null || iso.length() != ISO_LENGTH || iso.charAt(4) != '-' || iso.charAt(7) != '-') {
            return UNKNOWN;
        }
        int year = digits(iso, 0, 4);
        int month = digits(iso, 5, 7);
        int day = digits(iso, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return UNKNOWN;
        }
        return epochDay(year, month, day);
    }

    /** Returns whether both dates are known and equal. */
    public static boolean exact(int a, int b) {
        return a != UNKNOWN && a == b;
    }

    /**
     * Returns whether the dates differ only by having day and month swapped: same year, A's day is B's month and
     * A's month is B's day (so 2010-03-04 and 2010-04-03, never 2010-03-03 with itself).
     */
    public static boolean dayMonthTransposed(int a, int b) {
        if (a == UNKNOWN || b == UNKNOWN || a == b) {
            return false;
        }
        long ca = civil(a);
        long cb = civil(b);
        return year(ca) == year(cb) && day(ca) == month(cb) && month(ca) == day(cb);
    }

    /** Returns whether both dates are known and at most {@code days} apart. */
    public static boolean withinDays(int a, int b, int days) {
        return a != UNKNOWN && b != UNKNOWN && Math.abs((long) a - b) <= days;
    }

    /** Returns whether both dates are known and in the same calendar year. */
    public static boolean sameYear(int a, int b) {
        return a != UNKNOWN && b != UNKNOWN && year(civil(a)) == year(civil(b));
    }

    /** Returns whether both dates are known and in the same calendar month of the same year. */
    public static boolean sameMonthAndYear(int a, int b) {
        if (a == UNKNOWN || b == UNKNOWN) {
            return false;
        }
        long ca = civil(a);
        long cb = civil(b);
        return year(ca) == year(cb) && month(ca) == month(cb);
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Hinnant's days_from_civil. */
    private static int epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    /** Hinnant's civil_from_days, packed as year << 16 | month << 8 | day to stay allocation-free. */
    private static long civil(int epochDay) {
        long z = (long) epochDay + 719468;
        long era = Math.floorDiv(z, 146097);
        long dayOfEra = z - era * 146097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return (year << 16) | (month << 8) | day;
    }

    private static long year(long civil) {
        return civil >> 16;
    }

    private static int month(long civil) {
        return (int) (civil >> 8) & 0xFF;
    }

    private static int day(long civil) {
        return (int) civil & 0xFF;
    }
}
