package org.threadline.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code ./threadline agreements}: information sharing agreements as enforced policy (docs/governance.md). */
@Command(name = "agreements", mixinStandardHelpOptions = true,
        description = "Check, sign, compare and enumerate information sharing agreements (docs/governance.md).",
        subcommands = {AgreementsCheckCommand.class, AgreementsMatrixCommand.class, AgreementsDiffCommand.class,
            AgreementsSignCommand.class, AgreementsKeygenCommand.class})
final class AgreementsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name an agreements command: check, matrix, diff, sign or keygen.");
    }

    /** The installation's agreements folder, {@code config/agreements} under {@code threadline.root}. */
    static Path folder() {
        return Path.of(System.getProperty("threadline.root", ".")).resolve("config").resolve("agreements")
                .toAbsolutePath().normalize();
    }

    /** The trusted public keys that verify agreement signatures. */
    static Path trustedKeys() {
        return folder().resolve("keys").resolve("trusted-keys.yaml");
    }
}
