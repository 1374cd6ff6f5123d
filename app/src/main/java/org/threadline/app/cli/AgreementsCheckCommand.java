package org.threadline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.threadline.domain.governance.agreements.AgreementProblem;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.agreements.CanonicalForm;
import org.threadline.domain.governance.agreements.TrustedKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./threadline agreements check FILE...}: the schema and the linter, every defect of every file at once. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check agreements: schema, linter (legal basis, retention, parties, purposes, dates, roles)"
            + " and signatures. Prints every defect with its YAML path; exit 1 if there is any."})
final class AgreementsCheckCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Agreement files or folders (default: config/agreements).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--keys", description = "Trusted public keys (default: config/agreements/keys/trusted-keys.yaml).")
    Path keys;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TrustedKeys trusted = Agreements.loadKeys(keys != null ? keys : AgreementsCommand.trustedKeys());
        List<Path> targets = expand(files.isEmpty() ? List.of(AgreementsCommand.folder()) : files);
        int defects = 0;
        for (Path file : targets) {
            Agreements.Check check = Agreements.check(Files.readString(file, StandardCharsets.UTF_8), file.toString(),
                    trusted);
            if (check.ok()) {
                var a = check.agreement().orElseThrow();
                out.println(file + ": ok (" + a.reference() + ", " + a.dataItems().size() + " data items, signed by "
                        + a.signatures().size() + " parties, sha256 " + CanonicalForm.contentHash(a) + ")");
            } else {
                check.problems().stream().map(AgreementProblem::toString).forEach(out::println);
                defects += check.problems().size();
            }
        }
        if (defects > 0) {
            out.println(defects + " defect(s) in " + targets.size() + " file(s)");
            return ThreadlineCommand.FAILURE;
        }
        return 0;
    }

    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> listing = Files.list(p)) {
                    listing.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                            .sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new UsageException("no such file: " + p);
            }
        }
        return out;
    }
}
