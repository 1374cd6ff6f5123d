package org.threadline.store.governance;

/** One received row: the landed file and the row's number in it (1-based, counting the header). */
public record RowKey(long fileId, long rowNumber) implements Comparable<RowKey> {
    @Override
    public int compareTo(RowKey o) {
        int c = Long.compare(fileId, o.fileId);
        return c != 0 ? c : Long.compare(rowNumber, o.rowNumber);
    }

    @Override
    public String toString() {
        return "file " + fileId + " row " + rowNumber;
    }
}
