package org.threadline.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.policy.AgreementDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline agreements diff OLD NEW}: what a new version widens and narrows. A widening without
 * {@code approvedBy} in the new version is an error (exit 1). Reads drafts too: signatures are not checked here.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What NEW widens and narrows against OLD (permission-matrix cells, dates, prohibited purposes,"
            + " forbid rules, break-glass). A widening needs approvedBy in NEW, else exit 1."})
final class AgreementsDiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD")
    Path old;

    @Parameters(index = "1", paramLabel = "NEW")
    Path updated;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AgreementDiff diff = AgreementDiff.between(read(old), read(updated));
        PrintWriter out = spec.commandLine().getOut();
        out.println(diff.from() + " -> " + diff.to());
        diff.widened().forEach(w -> out.println("WIDENS   " + w));
        diff.narrowed().forEach(n -> out.println("NARROWS  " + n));
        diff.errors().forEach(e -> out.println("ERROR    " + e));
        out.println(diff.widened().size() + " widening(s), " + diff.narrowed().size() + " narrowing(s), "
                + diff.errors().size() + " error(s)");
        return diff.ok() ? 0 : ThreadlineCommand.FAILURE;
    }

    private static Agreement read(Path file) throws java.io.IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        return Agreements.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
}
