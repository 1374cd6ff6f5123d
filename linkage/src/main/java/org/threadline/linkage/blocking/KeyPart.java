package org.threadline.linkage.blocking;

import java.util.function.UnaryOperator;

/**
 * One part of a blocking key: a column and how its value is transformed; a transform returning null or blank means
 * "no key" (the record does not block under that rule).
 */
public record KeyPart(String column, UnaryOperator<String> transform) {

    public static KeyPart exact(String column) {
        return new KeyPart(column, UnaryOperator.identity());
    }
}
