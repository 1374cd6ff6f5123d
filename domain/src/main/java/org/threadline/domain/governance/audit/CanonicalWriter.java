package org.threadline.domain.governance.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The one way audit values become bytes to hash or sign: a domain-separation prefix (so an event's bytes can never
 * be mistaken for a leaf's or a checkpoint's), then fields in a fixed order, texts as a 4-byte big-endian length and
 * UTF-8, lists as a count then their texts, instants as epoch seconds (8 bytes) and nanoseconds (4 bytes).
 */
final class CanonicalWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    CanonicalWriter(String domain) {
        text(domain);
    }

    CanonicalWriter text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int32(b.length);
        out.writeBytes(b);
        return this;
    }

    CanonicalWriter texts(List<String> list) {
        int32(list.size());
        list.forEach(this::text);
        return this;
    }

    CanonicalWriter instant(Instant t) {
        int64(t.getEpochSecond());
        return int32(t.getNano());
    }

    CanonicalWriter int64(long v) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
        return this;
    }

    CanonicalWriter int32(int v) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
        return this;
    }

    CanonicalWriter hash(byte[] h) {
        int32(h.length);
        out.writeBytes(h);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
