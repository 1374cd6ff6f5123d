package org.threadline.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.threadline.domain.progress.Progress;
import org.threadline.synth.errors.InjectedError;
import org.threadline.synth.extracts.AgencyExtract;
import org.threadline.synth.extracts.Keys;
import org.threadline.synth.extracts.Row;
import org.threadline.synth.output.OutputFormat;
import org.threadline.synth.output.TableOutput;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.output.TableWriter;
import org.threadline.synth.truth.TruthTables;

/** The open writers of one run, and the row numbering that the truth's record and error tables refer to. */
final class ExtractWriters implements AutoCloseable {
    private final List<AgencyExtract> agencies;
    private final List<List<TableWriter>> extract = new ArrayList<>();
    private final List<TableWriter> truth = new ArrayList<>();
    private final List<GenerationReport.WrittenTable> written = new ArrayList<>();
    private final Path out;
    private final TableOutput extracts;
    private final TableOutput truthOut;

    ExtractWriters(Path out, List<AgencyExtract> agencies, TableOutput extracts, TableOutput truthOut)
            throws IOException {
        this.out = out;
        this.agencies = agencies;
        this.extracts = extracts;
        this.truthOut = truthOut;
        for (AgencyExtract a : agencies) {
            List<TableWriter> ws = new ArrayList<>();
            for (TableSpec t : a.tables()) {
                ws.add(extracts.open(out.resolve("extracts").resolve(a.agency()).resolve(t.name()), t));
            }
            extract.add(ws);
        }
        for (TableSpec t : TruthTables.tables()) {
            truth.add(truthOut.open(out.resolve("truth").resolve(t.name()), t));
        }
    }

    void write(PopulationGenerator.Rendered r) throws IOException {
        for (int a = 0; a < agencies.size(); a++) {
            AgencyExtract agency = agencies.get(a);
            for (int t = 0; t < agency.tables().size(); t++) {
                TableWriter w = extract.get(a).get(t);
                String file = agency.agency() + "/" + agency.tables().get(t).name();
                String[] headers = agency.tables().get(t).headers();
                for (Row row : r.sinks().get(a).rows(t)) {
                    w.row(row.cells());
                    String rowNumber = Long.toString(w.rows());
                    truth.get(TruthTables.RECORDS).row(file, rowNumber,
                            Keys.personId(r.offset() + row.person()));
                    for (InjectedError e : row.errors()) {
                        truth.get(TruthTables.ERRORS).row(file, rowNumber, headers[e.column()], e.kind().optionName(),
                                e.trueValue(), e.recorded());
                    }
                }
            }
        }
        for (int t = 0; t < r.truth().size(); t++) {
            for (String[] cells : r.truth().get(t)) {
                truth.get(t).row(cells);
            }
        }
    }

    List<GenerationReport.WrittenTable> summary() {
        return List.copyOf(written);
    }

    @Override
    public void close() throws IOException {
        close(Progress.NONE);
    }

    /** Closes every file (once), reporting each as it is finished. */
    void close(Progress progress) throws IOException {
        if (!written.isEmpty()) {
            return;
        }
        progress.begin("finish files", truth.size() + extract.stream().mapToInt(List::size).sum(), "tables");
        for (int a = 0; a < agencies.size(); a++) {
            AgencyExtract agency = agencies.get(a);
            for (int t = 0; t < agency.tables().size(); t++) {
                TableWriter w = extract.get(a).get(t);
                w.close();
                progress.advance(1);
                written.add(new GenerationReport.WrittenTable(agency.agency(), agency.tables().get(t).name(),
                        files(extracts, out.resolve("extracts").resolve(agency.agency())
                                .resolve(agency.tables().get(t).name())), w.rows(), agency.description()));
            }
        }
        for (int t = 0; t < truth.size(); t++) {
            truth.get(t).close();
            progress.advance(1);
            String name = TruthTables.tables().get(t).name();
            written.add(new GenerationReport.WrittenTable("truth", name,
                    files(truthOut, out.resolve("truth").resolve(name)), truth.get(t).rows(),
                    "Ground truth (never in an extract)"));
        }
        progress.end();
    }

    private static List<Path> files(TableOutput output, Path base) {
        List<Path> files = new ArrayList<>();
        for (OutputFormat f : output.formats().stream().sorted().toList()) {
            files.add(TableOutput.fileFor(base, f));
        }
        return files;
    }
}
