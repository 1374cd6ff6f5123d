package org.threadline.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadline.linkage.data.RecordTable;
import org.threadline.linkage.engine.Linker;
import org.threadline.linkage.model.LinkageModel;
import org.threadline.linkage.model.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./threadline link explain}: the waterfall of evidence for two records, from the trained model alone. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show, comparison by comparison, why two records score as they do.")
final class LinkExplainCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "A trained model (e.g. model.json from link run).")
    Path model;

    @Option(names = "--input", required = true, description = "The CSV file(s) the records are in.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--left", required = true, description = "The first record's id.")
    String left;

    @Option(names = "--right", required = true, description = "The second record's id.")
    String right;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LinkageModel m = ModelJson.read(model);
        if (!m.isTrained()) {
            throw new UsageException(model + " is not trained: run 'link run --train' first and use its model.json");
        }
        RecordTable records = LinkInputs.read(m, inputs, null).records();
        int a = find(records, left);
        int b = find(records, right);
        spec.commandLine().getOut().println(Linker.explain(m, records, LinkageLookups.standard(), a, b).waterfall());
        return 0;
    }

    private static int find(RecordTable records, String id) {
        for (int i = 0; i < records.size(); i++) {
            if (records.id(i).equals(id)) {
                return i;
            }
        }
        throw new UsageException("no record with id '" + id + "' in the input");
    }
}
