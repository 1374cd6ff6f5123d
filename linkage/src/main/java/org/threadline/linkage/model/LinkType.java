package org.threadline.linkage.model;

/** What a model links: records of one data set with each other, or records across data sets. */
public enum LinkType {
    /** Find records of the same person within one data set (every pair of records is a candidate). */
    DEDUPE,
    /**
     * Find records of the same person across data sets; only pairs whose {@code source_column} values differ are
     * candidates.
     */
    LINK;

    /** The name used in the JSON document ({@code dedupe}, {@code link}). */
    public String jsonName() {
        return JsonNames.of(this);
    }
}
