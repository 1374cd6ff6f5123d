package org.threadline.domain.indicators.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.chronology.EventRole;
import org.threadline.domain.indicators.Parameter;
import org.threadline.domain.indicators.Signal;

/** A signal ready to test events: fact tests compiled, type list fixed, roles as an enum set. */
final class CompiledSignal {
    final Signal signal;
    final String[] types;
    final EnumSet<EventRole> roles;
    final List<CompiledFact> facts;
    final int atLeast;
    final double ratioAtLeast;
    /** Precomputed words for reasons: "parent or household adult", "CSC_REFERRAL/SUSPENSION". */
    final String whose;
    final String what;
    final CompiledWindow window;

    CompiledSignal(Signal signal, Map<String, Parameter> parameters) {
        this.signal = signal;
        this.types = signal.types().stream().sorted().toArray(String[]::new);
        this.roles = signal.roles().isEmpty() ? EnumSet.allOf(EventRole.class) : EnumSet.copyOf(signal.roles());
        this.facts = signal.facts().stream().map(f -> new CompiledFact(f, parameters)).toList();
        this.atLeast = (int) Math.ceil(signal.atLeast().resolve(parameters));
        this.ratioAtLeast = signal.ratio().map(r -> r.atLeast().resolve(parameters)).orElse(0.0);
        this.whose = String.join(" or ", signal.who().stream().map(w -> w.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ')).toList());
        this.what = String.join("/", types);
        this.window = CompiledWindow.of(signal.window(), parameters);
    }

    /** Whether the event's role and facts satisfy the signal (its type and window are checked by the caller). */
    boolean accepts(ChronologyEvent e) {
        if (!roles.contains(e.role())) {
            return false;
        }
        Map<String, String> f = e.facts();
        for (CompiledFact c : facts) {
            if (!c.test(f)) {
                return false;
            }
        }
        return true;
    }

    Set<String> typeSet() {
        return signal.types();
    }
}
