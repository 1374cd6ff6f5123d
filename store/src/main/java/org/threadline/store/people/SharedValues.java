package org.threadline.store.people;

/**
 * A fixed-size, direct-mapped table of recently seen short strings, so that a value repeated across millions of
 * rows (a date, a postcode, a code) is held once rather than once per row. Bounded: a slot holds the last string
 * that hashed to it, so frequent values keep their slot and rare ones (ids, free text) cost nothing but a lookup.
 * Not thread-safe: one per reader.
 */
final class SharedValues {
    private static final int BITS = 18;
    private static final int SLOTS = 1 << BITS;
    private static final int LONGEST = 24;
    private final String[] slots = new String[SLOTS];

    String of(String value) {
        if (value == null || value.length() > LONGEST) {
            return value;
        }
        if (value.isEmpty()) {
            return "";
        }
        int slot = (value.hashCode() * 0x9E3779B9) >>> (32 - BITS);
        String held = slots[slot];
        if (value.equals(held)) {
            return held;
        }
        slots[slot] = value;
        return value;
    }
}
