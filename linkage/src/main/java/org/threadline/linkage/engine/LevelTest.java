package org.threadline.linkage.engine;

/** Whether a pair of records (row indices) is at one level of a comparison. */
@FunctionalInterface
interface LevelTest {
    boolean test(int a, int b);
}
