package org.threadline.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./threadline retention ...}. */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Retention of received data, per data item of the sharing agreements.",
        subcommands = {RetentionRunCommand.class, CommandLine.HelpCommand.class})
final class RetentionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
