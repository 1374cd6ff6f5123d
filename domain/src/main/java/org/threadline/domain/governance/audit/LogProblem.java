package org.threadline.domain.governance.audit;

/**
 * The first thing found wrong with a log. {@code firstEntry..lastEntry} are the entries it implicates: one entry
 * when a row's own hashes give it away, a range when only a checkpoint's root shows the change (any entry between
 * the last matching checkpoint and this one could be the one altered).
 *
 * @param firstEntry the first entry that is (or may be) bad; -1 when the problem is a checkpoint itself
 * @param lastEntry the last entry that may be bad
 * @param message what is wrong, in words for the person running the verifier
 */
public record LogProblem(long firstEntry, long lastEntry, String message) {
    static LogProblem entry(long sequence, String message) {
        return new LogProblem(sequence, sequence, "entry " + sequence + ": " + message);
    }

    /** True when the problem names exactly one entry. */
    public boolean exact() {
        return firstEntry >= 0 && firstEntry == lastEntry;
    }
}
