package org.threadline.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.threadline.synth.GenerationReport;

/** Prints where a generated population's files are and what is in them. */
final class Summary {
    private Summary() {
    }

    static void print(GenerationReport report, PrintWriter out) {
        out.printf(Locale.UK, "%nGenerated %,d people in %,d families: %,d extract rows.%n", report.people(),
                report.lineages(), report.extractRows());
        out.println("Files are under " + report.out() + " (manifest.csv lists them all):");
        String agency = "";
        for (GenerationReport.WrittenTable t : report.tables()) {
            if (!t.agency().equals(agency)) {
                agency = t.agency();
                out.println();
                out.println("  " + agency + " - " + t.description());
            }
            out.printf(Locale.UK, "    %-22s %,10d rows  %s%n", t.name(), t.rows(),
                    report.out().relativize(t.files().get(0)).toString().replaceAll("\\.[a-z]+$", ".*"));
        }
        out.println();
        out.println("The truth/ folder says who each extract row is really about; it never enters an extract.");
        out.flush();
    }
}
