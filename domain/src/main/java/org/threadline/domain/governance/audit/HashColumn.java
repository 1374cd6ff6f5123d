package org.threadline.domain.governance.audit;

import java.util.Arrays;

/** A growable run of 32-byte hashes in one array: a million leaves cost 32 MB, not a million small objects. */
final class HashColumn {
    private byte[] data = new byte[Sha256.LENGTH * 16];
    private long size;

    void add(byte[] hash) {
        long offset = size * Sha256.LENGTH;
        if (offset + Sha256.LENGTH > data.length) {
            long grown = Math.max(data.length * 2L, offset + Sha256.LENGTH);
            if (grown > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more hashes than one array can hold: " + size);
            }
            data = Arrays.copyOf(data, (int) grown);
        }
        System.arraycopy(hash, 0, data, (int) offset, Sha256.LENGTH);
        size++;
    }

    byte[] get(long i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        int offset = (int) (i * Sha256.LENGTH);
        return Arrays.copyOfRange(data, offset, offset + Sha256.LENGTH);
    }

    long size() {
        return size;
    }
}
