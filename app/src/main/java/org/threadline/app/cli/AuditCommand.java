package org.threadline.app.cli;

import picocli.CommandLine.Command;

/** {@code ./threadline audit}: the tamper-evident audit log (docs/audit.md). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check or seal the tamper-evident audit log (docs/audit.md).",
        subcommands = {AuditVerifyCommand.class, AuditCheckpointCommand.class})
final class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name an audit command: verify or checkpoint.");
    }
}
