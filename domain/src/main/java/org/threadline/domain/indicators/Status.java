package org.threadline.domain.indicators;

/**
 * An indicator's answer. NOT_MET means "no evidence in the records", never "it did not happen": ACEs and most
 * adversities are known only when an agency recorded them. INSUFFICIENT_DATA means the records cannot answer (no
 * date of birth for an age rule, no parent known for a household rule, no attendance records for an absence rule,
 * or no feed that records the thing at all).
 */
public enum Status {
    MET, NOT_MET, INSUFFICIENT_DATA
}
