package org.threadline.linkage.model;

/**
 * One part of a blocking rule: a column and how its value is transformed before comparing.
 *
 * @param column    a column listed in the model's {@code columns}
 * @param transform how the value is derived; {@link BlockingTransform#NONE} uses it as it is
 */
public record BlockingKey(String column, BlockingTransform transform) {

    /** The column's value as it is. */
    public static BlockingKey of(String column) {
        return new BlockingKey(column, BlockingTransform.NONE);
    }

    /** The column's value under {@code transform}. */
    public static BlockingKey of(String column, BlockingTransform transform) {
        return new BlockingKey(column, transform);
    }
}
