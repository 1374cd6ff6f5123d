package org.threadline.app.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one data folder under which all of Threadline's state lives.
 *
 * @param root the folder; created on first use
 */
public record ThreadlineHome(Path root) {

    /** The environment variable that names the folder. */
    public static final String VARIABLE = "THREADLINE_HOME";

    /** Used when {@link #VARIABLE} is unset: a folder beside where the command runs. */
    public static final String DEFAULT = "threadline-data";

    public ThreadlineHome {
        root = root.toAbsolutePath().normalize();
    }

    /** Resolves the folder from the environment, falling back to {@value #DEFAULT} in the working folder. */
    public static ThreadlineHome fromEnvironment(Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        return new ThreadlineHome(Path.of(configured == null || configured.isBlank() ? DEFAULT : configured));
    }

    /** The embedded PostgreSQL data folder. */
    public Path database() {
        return root.resolve("db");
    }

    /** Every partner file received, kept as received. */
    public Path landed() {
        return root.resolve("landed");
    }

    /** Log files. */
    public Path logs() {
        return root.resolve("logs");
    }

    /** Reports written by commands (quality scorecards, evaluations). */
    public Path reports() {
        return root.resolve("reports");
    }

    /** What {@code ./threadline demo} generates and works on. */
    public Path demo() {
        return root.resolve("demo");
    }

    /** Creates the folder and its standard sub-folders if they do not exist. */
    public ThreadlineHome create() throws IOException {
        for (Path p : new Path[] {root, database(), landed(), logs(), reports()}) {
            Files.createDirectories(p);
        }
        return this;
    }
}
