package org.threadline.domain.indicators.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.threadline.domain.indicators.Amount;
import org.threadline.domain.indicators.Condition;
import org.threadline.domain.indicators.FactTest;
import org.threadline.domain.indicators.Indicator;
import org.threadline.domain.indicators.Parameter;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.Signal;
import org.threadline.domain.indicators.Window;

/**
 * The published table of rules, rendered from the rulebooks themselves so the page people read cannot drift from
 * the rules that run: per rulebook its parameters, its indicators with their conditions in words, and its signals.
 */
public final class PublishedRules {
    private PublishedRules() {
    }

    public static String markdown(List<Rulebook> rulebooks) {
        StringBuilder b = new StringBuilder();
        for (Rulebook r : rulebooks) {
            b.append("### ").append(r.title()).append(" (`").append(r.reference()).append("`)\n\n");
            b.append(r.description().strip()).append(" File `config/rules/").append(r.id()).append(".yaml`; review by ")
                    .append(r.reviewDate()).append(".\n\n");
            if (!r.parameters().isEmpty()) {
                b.append("| parameter | value | status | source | meaning |\n|---|---:|---|---|---|\n");
                r.parameters().values().stream().sorted(java.util.Comparator.comparing(Parameter::name))
                        .forEach(p -> b.append("| `").append(p.name()).append("` | ").append(Amount.of(p.value()))
                                .append(" | ").append(p.status()).append(" | ").append(cell(p.source())).append(" | ")
                                .append(cell(p.description())).append(" |\n"));
                b.append('\n');
            }
            b.append("| indicator | subject | evidence | met when | framework and source | review |\n"
                    + "|---|---|---|---|---|---|\n");
            for (Indicator i : r.indicators()) {
                String when = i.notDerivable().map(n -> "**Always INSUFFICIENT_DATA:** " + n)
                        .orElseGet(() -> condition(i.condition().orElseThrow()));
                if (i.requires().isPresent()) {
                    when += "; INSUFFICIENT_DATA instead of NOT_MET without `" + i.requires().get() + "`";
                }
                if (!i.enabled()) {
                    when = "*(shipped switched off)* " + when;
                }
                b.append("| `").append(i.id()).append("` ").append(cell(i.name())).append(" | ")
                        .append(i.subject().name().toLowerCase(Locale.ROOT)).append(" | ").append(i.evidenceLevel())
                        .append(" | ").append(cell(when)).append(" | ").append(cell(i.framework() + "; "
                        + i.source())).append(" | ").append(i.reviewDate()).append(" |\n");
            }
            b.append("\n| signal | whose | events | conditions | window | count |\n|---|---|---|---|---|---|\n");
            r.signals().values().stream().sorted(java.util.Comparator.comparing(Signal::id)).forEach(s -> b
                    .append("| `").append(s.id()).append("` ").append(cell(s.description())).append(" | ")
                    .append(s.relationship().isPresent() ? "parents" : s.who().stream()
                            .map(w -> w.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")))
                    .append(" | ").append(s.relationship().map(x -> x.types().toString()
                            + (x.ended() ? " ended" : "")).orElse(String.join(", ", s.types().stream().sorted()
                            .toList()))).append(" | ").append(cell(conditions(s))).append(" | ")
                    .append(window(s.window())).append(" | ").append(s.ratio().isPresent() ? "rate" : "≥ "
                            + s.atLeast()).append(" |\n"));
            b.append('\n');
        }
        return b.toString();
    }

    private static String conditions(Signal s) {
        List<String> parts = new ArrayList<>();
        if (!s.roles().isEmpty()) {
            parts.add("role " + s.roles().stream().map(Enum::name).sorted().collect(Collectors.joining("/")));
        }
        s.facts().stream().map(FactTest::describe).forEach(parts::add);
        s.ratio().ifPresent(r -> parts.add("per " + r.groupBy() + ": (" + String.join(" + ", r.numerator()) + ") / "
                + r.denominator() + " ≥ " + r.atLeast()));
        if (s.overlapping()) {
            parts.add("episodes overlapping the window count");
        }
        return parts.isEmpty() ? "–" : String.join("; ", parts);
    }

    static String window(Window w) {
        if (w instanceof Window.Last l) {
            return "last " + l.amount() + " " + l.unit().name().toLowerCase(Locale.ROOT);
        }
        if (w instanceof Window.BeforeAge a) {
            return "before age " + a.age();
        }
        return w instanceof Window.Childhood ? "childhood" : "ever";
    }

    private static String condition(Condition c) {
        if (c instanceof Condition.UseSignal u) {
            String extra = u.window().map(w -> " in " + window(w)).orElse("") + u.atLeast().map(a -> " ≥ " + a)
                    .orElse("");
            return "`" + u.signal() + "`" + extra;
        }
        if (c instanceof Condition.UseIndicator u) {
            return "`" + u.indicator() + "`";
        }
        String inner;
        String label;
        if (c instanceof Condition.AnyOf a) {
            label = "any of";
            inner = a.of().stream().map(PublishedRules::condition).collect(Collectors.joining(", "));
        } else if (c instanceof Condition.AllOf a) {
            label = "all of";
            inner = a.of().stream().map(PublishedRules::condition).collect(Collectors.joining(", "));
        } else {
            Condition.AtLeastOf a = (Condition.AtLeastOf) c;
            label = "at least " + a.n() + " of";
            inner = a.of().stream().map(PublishedRules::condition).collect(Collectors.joining(", "));
        }
        return label + " (" + inner + ")";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").strip();
    }
}
