package org.threadline.app.cli;

import java.io.PrintWriter;
import org.threadline.app.home.ThreadlineHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top of {@code ./threadline}: lists the subcommands and turns every failure into a readable message and the
 * documented exit code.
 */
@Command(
        name = "threadline",
        mixinStandardHelpOptions = true,
        versionProvider = ThreadlineCommand.Version.class,
        description = "Joins up what agencies know about vulnerable people and families, with the sharing rules built in.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, LinkCommand.class,
            PeopleCommand.class, ChronologyCommand.class, ReviewCommand.class, IndicatorsCommand.class,
            AlertsCommand.class, AuditCommand.class, BreakGlassCommand.class, CasesCommand.class,
            AgreementsCommand.class, MarkersCommand.class,
            SubjectAccessCommand.class, RetentionCommand.class, EraseCommand.class, RectifyCommand.class,
            ServeCommand.class, ApiKeysCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error.",
                "State lives under THREADLINE_HOME (default ./threadline-data)."})
public final class ThreadlineCommand implements Runnable {

    static final int FAILURE = 1;
    static final int USAGE = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces when something fails.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: say what there is, as a usage error (the user asked for nothing runnable).
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command to run.");
    }

    public static void main(String[] args) {
        logToHome();
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Sends library and application logs to {@code THREADLINE_HOME/logs/threadline.log}, so that the terminal shows
     * only what a person needs and every run's log stays with the rest of the state. Must run before the first
     * logger is created.
     */
    private static void logToHome() {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
            return;
        }
        try {
            ThreadlineHome home = ThreadlineHome.fromEnvironment(System.getenv());
            java.nio.file.Files.createDirectories(home.logs());
            System.setProperty("org.slf4j.simpleLogger.logFile", home.logs().resolve("threadline.log").toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        } catch (java.io.IOException | RuntimeException e) {
            // Logging to stderr is a fine fallback: the command itself must still run.
        }
    }

    /** Runs the command line with the given streams and returns its exit code; {@code main} minus the exit. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        ThreadlineCommand root = new ThreadlineCommand();
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILURE);
        cli.setParameterExceptionHandler((e, argv) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("threadline: " + e.getMessage());
            failed.getErr().println("Try '" + ("./threadline " + qualifiedName(failed)).trim() + " --help' for usage.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println("threadline: " + UserMessages.describe(e));
            if (root.verbose) {
                e.printStackTrace(failed.getErr());
            } else {
                failed.getErr().println("(run again with --verbose for the details)");
            }
            return e instanceof UsageException ? USAGE : FAILURE;
        });
        return cli.execute(args);
    }

    private static String qualifiedName(CommandLine failed) {
        String name = failed.getCommandSpec().qualifiedName(" ");
        return name.startsWith("threadline") ? name.substring("threadline".length()).trim() : name;
    }

    /** Reads the version the build wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ThreadlineCommand.class.getPackage().getImplementationVersion();
            return new String[] {"threadline " + (v == null ? "(development build)" : v)};
        }
    }
}
