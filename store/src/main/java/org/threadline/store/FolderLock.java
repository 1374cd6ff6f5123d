package org.threadline.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Says which process owns an embedded data folder: an OS file lock on {@code <folder>.lock}, beside the folder
 * (initdb wants the folder itself empty). The OS releases it when its process dies, however it dies, so a lock
 * that can be taken means no live Threadline is using the folder.
 */
final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock take(Path dataFolder) {
        Path file = dataFolder.resolveSibling(dataFolder.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataFolder);
            }
            return new FolderLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw inUse(dataFolder);
        } catch (IOException e) {
            close(channel);
            throw new StoreException("Cannot lock " + file + ": " + StoreException.reason(e), e);
        } catch (StoreException e) {
            close(channel);
            throw e;
        }
    }

    private static StoreException inUse(Path dataFolder) {
        return new StoreException("The database folder " + dataFolder + " is in use by another running Threadline"
                + " process; wait for it to finish (or stop it) and try again.", null);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
