package org.threadline.intake.quality;

import java.util.Locale;

/** Renders a scorecard as a self-contained HTML page a partner can be sent (no scripts, no external assets). */
public final class ScorecardHtml {
    private ScorecardHtml() {
    }

    public static String render(Scorecard s) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">")
                .append("<title>Data quality: ").append(esc(s.definition())).append("</title>")
                .append("<style>body{font-family:Arial,sans-serif;margin:2em;color:#0b0c0c}table{border-collapse:")
                .append("collapse}th,td{border-bottom:1px solid #b1b4b6;padding:.3em .8em;text-align:left}")
                .append("td.n{text-align:right}.low{color:#d4351c;font-weight:bold}</style></head><body>\n");
        b.append("<h1>Data quality of ").append(esc(s.file())).append("</h1>\n");
        b.append("<p>Read with ").append(esc(s.definition())).append(". SHA-256 <code>").append(esc(s.sha256()))
                .append("</code>. Synthetic data.</p>\n");
        b.append(String.format(Locale.UK, "<ul><li>%,d rows read, %,d quarantined (kept, with their reasons)</li>"
                + "<li>%,d rows look like a person registered twice (same name and date of birth, another key)</li>"
                + "<li>%,d date values ambiguous or impossible</li></ul>%n", s.rows(), s.quarantined(),
                s.likelyDuplicates(), s.dateAnomalies()));
        if (!s.drift().isEmpty()) {
            b.append("<h2>Changes since the previous load</h2><ul>");
            s.drift().forEach(d -> b.append("<li>").append(esc(d)).append("</li>"));
            b.append("</ul>\n");
        }
        b.append("<h2>Fields</h2>\n<table><thead><tr><th>field</th><th>complete</th><th>valid</th>")
                .append("<th>missing</th><th>invalid</th><th>flagged</th><th>commonest reasons</th></tr></thead><tbody>\n");
        for (FieldQuality f : s.fields()) {
            b.append("<tr><td>").append(esc(f.field())).append("</td>")
                    .append(percent(f.completeness())).append(percent(f.validity()))
                    .append(String.format(Locale.UK, "<td class=\"n\">%,d</td><td class=\"n\">%,d</td>"
                            + "<td class=\"n\">%,d</td><td>", f.missing(), f.invalid(), f.flagged()));
            f.reasons().forEach((reason, n) -> b.append(esc(reason)).append(String.format(Locale.UK, " (%,d)<br>", n)));
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table>\n</body></html>\n");
        return b.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.UK, "<td class=\"n%s\">%.1f%%</td>", share < 0.95 ? " low" : "", share * 100);
    }

    /** Escapes text for HTML; partner data can hold anything, including markup. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
