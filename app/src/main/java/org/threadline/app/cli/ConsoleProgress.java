package org.threadline.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.threadline.domain.progress.Progress;

/**
 * Shows progress as a redrawn bar on a terminal (counts, rate, time remaining) and as plain periodic lines when
 * output goes to a file or CI log, where carriage returns would make a mess.
 */
final class ConsoleProgress implements Progress {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastShown = new AtomicLong();
    private volatile String task = "";
    private volatile String unit = "";
    private volatile long total = -1;
    private volatile long startNanos;

    ConsoleProgress(PrintWriter out, boolean terminal, LongSupplier nanoClock, long interval, TimeUnit intervalUnit) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalUnit.toNanos(interval);
    }

    /** A bar redrawn ten times a second on a terminal; a line every five seconds elsewhere. */
    static ConsoleProgress forConsole(PrintWriter out) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return terminal
                ? new ConsoleProgress(out, true, System::nanoTime, 100, TimeUnit.MILLISECONDS)
                : new ConsoleProgress(out, false, System::nanoTime, 5, TimeUnit.SECONDS);
    }

    @Override
    public void begin(String task, long total, String unit) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        done.set(0);
        startNanos = nanoClock.getAsLong();
        lastShown.set(startNanos);
    }

    @Override
    public void advance(long units) {
        long count = done.addAndGet(units);
        long now = nanoClock.getAsLong();
        long last = lastShown.get();
        if (now - last >= intervalNanos && lastShown.compareAndSet(last, now)) {
            show(count, now);
        }
    }

    @Override
    public void end() {
        long count = done.get();
        double seconds = Math.max(1e-9, (nanoClock.getAsLong() - startNanos) / 1e9);
        String line = String.format(Locale.UK, "%s: done, %,d %s in %s (%,.0f %s/s)",
                task, count, unit, duration(seconds), count / seconds, unit);
        out.print(terminal ? "\r" + line + clearToEnd() + System.lineSeparator() : line + System.lineSeparator());
        out.flush();
    }

    private synchronized void show(long count, long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = count / seconds;
        String eta = total > 0 && rate > 0 ? duration(Math.max(0, total - count) / rate) : "unknown";
        if (terminal) {
            out.print("\r" + task + "  " + bar(count) + "  " + counts(count) + "  "
                    + String.format(Locale.UK, "%,.0f %s/s", rate, unit) + "  ETA " + eta + clearToEnd());
        } else {
            String percent = total > 0 ? String.format(Locale.UK, " (%d%%)", count * 100 / total) : "";
            out.println(task + ": " + counts(count) + percent
                    + String.format(Locale.UK, ", %,.0f %s/s, about %s left", rate, unit, eta));
        }
        out.flush();
    }

    private String counts(long count) {
        return total > 0
                ? String.format(Locale.UK, "%,d/%,d %s", count, total, unit)
                : String.format(Locale.UK, "%,d %s", count, unit);
    }

    private String bar(long count) {
        int filled = total > 0 ? (int) Math.min(BAR_WIDTH, count * BAR_WIDTH / total) : 0;
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }

    private static String clearToEnd() {
        return "\u001b[K";
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (seconds < 10) {
            return String.format(Locale.UK, "%.1fs", seconds);
        }
        return s < 3600 ? String.format(Locale.UK, "%d:%02d", s / 60, s % 60)
                : String.format(Locale.UK, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
