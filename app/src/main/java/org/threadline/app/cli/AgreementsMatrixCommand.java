package org.threadline.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.agreements.TrustedKeys;
import org.threadline.domain.governance.policy.MatrixEntry;
import org.threadline.domain.governance.policy.PermissionMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline agreements matrix}: every agency × role × purpose × data item × field, decided by the policy
 * decision point itself. Text lists what is permitted; {@code --json} lists every cell, permitted or not.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"The full permission matrix (agency x role x purpose x data item x field) of checked agreements,"
            + " as decided by the policy decision point. Text shows the permitted cells; --json every cell."})
final class AgreementsMatrixCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Agreement files or folders (default: config/agreements).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "Every cell as JSON.")
    boolean json;

    @Option(names = "--keys", description = "Trusted public keys (default: config/agreements/keys/trusted-keys.yaml).")
    Path keys;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrustedKeys trusted = Agreements.loadKeys(keys != null ? keys : AgreementsCommand.trustedKeys());
        List<Agreement> agreements = new ArrayList<>();
        for (Path file : AgreementsCheckCommand.expand(files.isEmpty() ? List.of(AgreementsCommand.folder()) : files)) {
            agreements.add(Agreements.load(file, trusted));
        }
        List<MatrixEntry> matrix = PermissionMatrix.of(agreements);
        long permitted = matrix.stream().filter(MatrixEntry::permitted).count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("agreements", agreements.stream().map(Agreement::reference).toList());
            doc.put("cells", matrix.size());
            doc.put("permitted", permitted);
            doc.put("entries", matrix);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            return 0;
        }
        out.println(String.join("\t", "agreement", "agency", "role", "purpose", "data item", "field", "withheld for"));
        for (MatrixEntry e : matrix) {
            if (e.permitted()) {
                out.println(String.join("\t", e.agreement(), e.agency(), e.role(), e.purpose(), e.dataItem(),
                        e.field(), e.withheldFor().isEmpty() ? "-" : String.join(",", e.withheldFor())));
            }
        }
        out.println(permitted + " of " + matrix.size() + " cells permitted in " + agreements.size() + " agreement(s)");
        return 0;
    }
}
