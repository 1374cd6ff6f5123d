package org.threadline.domain.chronology;

import java.util.Objects;

/**
 * Where a fact came from: the landed file (by its id in the store), the row as a person sees it in that file, the
 * source definition that read it and the agency that sent it. Every event and relationship carries these.
 */
public record SourceRef(String agency, String definitionId, long fileId, long rowNumber) implements
        Comparable<SourceRef> {
    public SourceRef {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(definitionId, "definitionId");
    }

    @Override
    public int compareTo(SourceRef o) {
        int c = Long.compare(fileId, o.fileId);
        return c != 0 ? c : Long.compare(rowNumber, o.rowNumber);
    }

    @Override
    public String toString() {
        return definitionId + " file " + fileId + " row " + rowNumber;
    }
}
