package org.threadline.synth.names;

/**
 * Sex recorded at birth, as the name lists are split. Kept here until the domain module owns a shared type.
 */
public enum Sex {
    FEMALE,
    MALE
}
