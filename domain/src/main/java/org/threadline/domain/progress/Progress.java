package org.threadline.domain.progress;

/**
 * A sink for the progress of one task measured in countable units (people, rows, pairs).
 *
 * <p>Implementations must be safe to call from several worker threads and cheap enough to call once per unit.
 */
public interface Progress {

    /** Reports nothing: for tests and library callers that do not want output. */
    Progress NONE = new Progress() {
        @Override
        public void begin(String task, long total, String unit) {
        }

        @Override
        public void advance(long units) {
        }

        @Override
        public void end() {
        }
    };

    /**
     * Starts a task.
     *
     * @param task  a short name shown to the user, e.g. "generate"
     * @param total the number of units expected, or a negative number when unknown
     * @param unit  the plural noun for a unit, e.g. "people"
     */
    void begin(String task, long total, String unit);

    /** Records that {@code units} more units are done. */
    void advance(long units);

    /** Ends the task; the final figures are shown once. */
    void end();
}
