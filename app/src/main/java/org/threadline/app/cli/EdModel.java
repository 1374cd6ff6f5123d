package org.threadline.app.cli;

import java.nio.file.Path;

/** Where the shipped models are: beside the {@code threadline} script, which passes its folder as a property. */
final class EdModel {
    private EdModel() {
    }

    static Path path() {
        String root = System.getProperty("threadline.root", ".");
        return Path.of(root, "config", "models", "ed-patients.json").toAbsolutePath().normalize();
    }
}
