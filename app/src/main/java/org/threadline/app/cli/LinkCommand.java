package org.threadline.app.cli;

import picocli.CommandLine.Command;

/** {@code ./threadline link}: record linkage on any CSV files, with a model document. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Link or deduplicate records with an explainable Fellegi-Sunter model (docs/linkage-model.md).",
        subcommands = {LinkRunCommand.class, LinkExplainCommand.class})
final class LinkCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a link command: run or explain.");
    }
}
