package org.threadline.store.intake;

import java.sql.Connection;
import java.sql.SQLException;
import org.threadline.intake.load.LandedFile;

/**
 * Something written in a load's own transaction just before it commits (the audit entry recording the decision to
 * take the file in): if it fails, the load rolls back, so no file is held without its record.
 */
@FunctionalInterface
public interface LoadRecorder {
    /** Records nothing. */
    LoadRecorder NONE = (connection, file, fileId, rowsRead) -> { };

    void record(Connection connection, LandedFile file, long fileId, long rowsRead) throws SQLException;
}
