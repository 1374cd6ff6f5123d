package org.threadline.app.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The kept copies of landed files ({@code landed/<sha256>/<name>}), removed once none of their rows is held. */
final class FileCopies {
    private FileCopies() {
    }

    static List<String> delete(Path home, List<String> storedPaths) {
        List<String> out = new ArrayList<>();
        for (String stored : storedPaths) {
            Path p = home.resolve(stored).normalize();
            try {
                if (Files.deleteIfExists(p)) {
                    out.add(p.toString());
                }
                Path folder = p.getParent();
                if (folder != null && Files.isDirectory(folder)) {
                    try (var left = Files.list(folder)) {
                        if (left.findAny().isEmpty()) {
                            Files.delete(folder);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the landed copy " + p + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
