package org.threadline.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.threadline.domain.progress.Progress;
import org.threadline.synth.errors.Noise;
import org.threadline.synth.extracts.AgencyExtract;
import org.threadline.synth.extracts.Agencies;
import org.threadline.synth.extracts.ExtractContext;
import org.threadline.synth.extracts.Keys;
import org.threadline.synth.extracts.Row;
import org.threadline.synth.extracts.RowSink;
import org.threadline.synth.output.OutputFormat;
import org.threadline.synth.output.TableOutput;
import org.threadline.synth.output.TableSpec;
import org.threadline.synth.places.Gazetteer;
import org.threadline.synth.population.Day;
import org.threadline.synth.population.Lineage;
import org.threadline.synth.population.LineageSimulator;
import org.threadline.synth.population.SimulationSettings;
import org.threadline.synth.truth.TruthTables;

/**
 * Generates a population and writes every agency's extract and the truth.
 *
 * <p>Lineages are simulated and rendered in batches on all worker threads, each from its own random stream, then
 * written in lineage order by one thread: memory stays bounded by the batch, and the bytes do not depend on the
 * number of threads or their timing.
 */
public final class PopulationGenerator {
    private static final int BATCH = 256;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PopulationGenerator.class);

    private final Gazetteer gazetteer;
    private final NameBookSource names;

    public PopulationGenerator() {
        this.gazetteer = Gazetteer.standard();
        this.names = new NameBookSource();
    }

    public GenerationReport generate(GenerationOptions options, Progress progress) throws IOException {
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out);
        int asOf = (int) options.asOf().toEpochDay();
        SimulationSettings settings = new SimulationSettings(asOf, Day.of(2014, 4, 1), names);
        LineageSimulator simulator = new LineageSimulator(settings);
        Keys keys = new Keys(options.seed());
        List<AgencyExtract> agencies = Agencies.all();
        TableOutput extracts = TableOutput.of(options.formats(),
                options.asOf().atStartOfDay().toInstant(ZoneOffset.UTC));
        TableOutput truthOut = TableOutput.of(EnumSet.of(OutputFormat.CSV),
                options.asOf().atStartOfDay().toInstant(ZoneOffset.UTC));
        Files.deleteIfExists(out.resolve("manifest.csv"));
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        ExtractWriters writers = new ExtractWriters(out, agencies, extracts, truthOut);
        long people = 0;
        int lineage = 0;
        try (writers) {
            progress.begin("generate", options.people(), "people");
            while (people < options.people()) {
                List<Future<Lineage>> simulated = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    int index = lineage + i;
                    simulated.add(pool.submit(() -> simulator.simulate(options.seed(), index, Integer.MAX_VALUE)));
                }
                List<Lineage> batch = new ArrayList<>();
                List<Long> offsets = new ArrayList<>();
                for (Future<Lineage> f : simulated) {
                    if (people >= options.people()) {
                        f.cancel(true);
                        continue;
                    }
                    Lineage l = get(f);
                    long remaining = options.people() - people;
                    if (l.people().size() > remaining) {
                        // The last lineage is re-simulated with a cap so that the total is exact.
                        l = simulator.simulate(options.seed(), l.index(), (int) remaining);
                    }
                    batch.add(l);
                    offsets.add(people);
                    people += l.people().size();
                }
                lineage += batch.size();
                List<Future<Rendered>> rendered = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Lineage l = batch.get(i);
                    long offset = offsets.get(i);
                    rendered.add(pool.submit(() -> render(l, offset, keys, agencies, options, asOf)));
                }
                for (Future<Rendered> f : rendered) {
                    Rendered r = get(f);
                    writers.write(r);
                    progress.advance(r.people);
                }
            }
            progress.end();
            // Closing assembles each XLSX workbook, which takes a while for big tables: show it.
            writers.close(progress);
        } finally {
            pool.shutdownNow();
        }
        GenerationReport report = new GenerationReport((int) people, lineage, writers.summary(), out);
        // Written last: a folder with a manifest is a complete population.
        Manifest.write(out.resolve("manifest.csv"), report, options);
        LOG.info("generated {} people in {} families ({} extract rows), seed {}, formats {}, into {}", report.people(),
                report.lineages(), report.extractRows(), options.seed(), options.formats(), out);
        return report;
    }

    private Rendered render(Lineage lineage, long offset, Keys keys, List<AgencyExtract> agencies,
                            GenerationOptions options, int asOf) {
        SplittableRandom random = new SplittableRandom(options.seed() * 31 + lineage.index() * 0x9E3779B97F4A7C15L);
        Noise noise = new Noise(options.errors(), random, names::familiarFormsOf);
        ExtractContext context = new ExtractContext(lineage, offset, keys, noise, gazetteer, options.seed(), asOf);
        List<RowSink> sinks = new ArrayList<>();
        for (AgencyExtract agency : agencies) {
            RowSink sink = new RowSink(widths(agency.tables()));
            agency.render(context, sink);
            sinks.add(sink);
        }
        List<List<String[]>> truth = TruthTables.render(lineage, offset, keys, context::address);
        return new Rendered(lineage.people().size(), offset, sinks, truth);
    }

    private static int[] widths(List<TableSpec> tables) {
        int[] w = new int[tables.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = tables.get(i).columns().size();
        }
        return w;
    }

    private static <T> T get(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }

    /** One lineage rendered: its rows per agency and table, and its truth rows. */
    record Rendered(int people, long offset, List<RowSink> sinks, List<List<String[]>> truth) {
    }
}
