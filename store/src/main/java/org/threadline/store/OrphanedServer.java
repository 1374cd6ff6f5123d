package org.threadline.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded PostgreSQL left running by a Threadline process that was killed (SIGKILL gives the JVM no chance to
 * stop it, and the server runs detached). It still holds the data folder's {@code postmaster.pid} lock, so a new
 * server would wait and fail. Called only while holding the folder's {@link FolderLock}, so any server found is
 * an orphan: it is asked to shut down (SIGTERM, PostgreSQL's smart shutdown; the dead process's open transaction
 * was already rolled back when its connection dropped).
 */
final class OrphanedServer {
    private OrphanedServer() {
    }

    static void stopIfAny(Path dataFolder) {
        Path pidFile = dataFolder.resolve("postmaster.pid");
        Optional<ProcessHandle> server = serverOf(pidFile);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle p = server.get();
        p.destroy();
        try {
            p.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while stopping the orphaned PostgreSQL " + p.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("The orphaned PostgreSQL process " + p.pid() + " holding " + dataFolder
                    + " did not stop within 60 s", e);
        }
    }

    /** The live postgres process named by the lock file, if the file exists and names one. */
    private static Optional<ProcessHandle> serverOf(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            // An unreadable or half-written lock file: PostgreSQL itself decides whether it is stale.
            return Optional.empty();
        }
    }
}
