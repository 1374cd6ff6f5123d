package org.threadline.synth.population;

import java.time.LocalDate;

/** Dates as epoch days ({@code int}): the simulation handles millions of them and needs no objects for that. */
public final class Day {
    /** Marks "no date" (not dead, not ended). */
    public static final int NONE = Integer.MAX_VALUE;

    private Day() {
    }

    public static int of(int year, int month, int day) {
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    public static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    public static int year(int day) {
        return LocalDate.ofEpochDay(day).getYear();
    }

    /** Whole years between a birth day and another day. */
    public static int age(int born, int on) {
        LocalDate b = LocalDate.ofEpochDay(born);
        LocalDate d = LocalDate.ofEpochDay(on);
        int years = d.getYear() - b.getYear();
        return d.getDayOfYear() < b.getDayOfYear() && d.getMonthValue() * 100 + d.getDayOfMonth()
                < b.getMonthValue() * 100 + b.getDayOfMonth() ? years - 1 : years;
    }

    /** The 1 September that starts the academic year containing {@code day}. */
    public static int academicYearStart(int day) {
        LocalDate d = LocalDate.ofEpochDay(day);
        int y = d.getMonthValue() >= 9 ? d.getYear() : d.getYear() - 1;
        return of(y, 9, 1);
    }
}
