package org.threadline.synth.errors;

/**
 * An error put into one cell on purpose.
 *
 * @param column   the column index in its table
 * @param kind     what was done
 * @param trueValue what the cell would have held without the error
 * @param recorded what it holds instead
 */
public record InjectedError(int column, ErrorKind kind, String trueValue, String recorded) {
}
