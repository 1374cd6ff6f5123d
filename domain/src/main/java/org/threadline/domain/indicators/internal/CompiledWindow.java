package org.threadline.domain.indicators.internal;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.threadline.domain.indicators.Parameter;
import org.threadline.domain.indicators.Window;

/** A window with its parameters resolved and its words written once, at compile time. */
record CompiledWindow(Kind kind, long amount, ChronoUnit unit, String words) {
    enum Kind { LAST, EVER, CHILDHOOD, BEFORE_AGE }

    static CompiledWindow of(Window w, Map<String, Parameter> parameters) {
        if (w instanceof Window.Last l) {
            long n = (long) l.amount().resolve(parameters);
            return new CompiledWindow(Kind.LAST, n, l.unit(), "in the last " + n + " "
                    + l.unit().name().toLowerCase(Locale.ROOT));
        }
        if (w instanceof Window.BeforeAge b) {
            long n = (long) b.age().resolve(parameters);
            return new CompiledWindow(Kind.BEFORE_AGE, n, ChronoUnit.YEARS, "before age " + n);
        }
        if (w instanceof Window.Childhood) {
            return new CompiledWindow(Kind.CHILDHOOD, 18, ChronoUnit.YEARS, "during childhood");
        }
        return new CompiledWindow(Kind.EVER, 0, ChronoUnit.DAYS, "ever");
    }
}
