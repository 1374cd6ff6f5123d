package org.threadline.intake.load;

/**
 * One file's load in progress. Nothing written through it is visible to anyone else until {@link #commit}; closing
 * it uncommitted (an exception, a kill) throws all of it away.
 */
public interface FileLoad extends AutoCloseable {
    /** Records one row: as received, and standardised or quarantined. */
    void write(LoadedRow row);

    /** Records the counts against the landed file and makes the whole load visible at once. */
    void commit(long rowsRead, long rowsLoaded, long rowsQuarantined);

    /** Abandons the load unless it was committed. */
    @Override
    void close();
}
