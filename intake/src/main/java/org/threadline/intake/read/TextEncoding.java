package org.threadline.intake.read;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Works out how a text file is encoded: a UTF-8 byte-order mark says UTF-8; otherwise bytes that are valid UTF-8 are
 * read as UTF-8, and anything else as Windows-1252 (what Excel on Windows writes as "CSV"). The choice is reported
 * so that the load record says how each file was read.
 */
public final class TextEncoding {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextEncoding() {
    }

    /** The encoding and the number of leading bytes to skip (a BOM). */
    public record Detected(Charset charset, int skip) {
    }

    public static Detected detect(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, safeEnd(head)));
            return new Detected(StandardCharsets.UTF_8, 0);
        } catch (CharacterCodingException e) {
            return new Detected(WINDOWS_1252, 0);
        }
    }

    /** Stops before a UTF-8 sequence cut off by the end of the sample, so a cut is not mistaken for bad bytes. */
    private static int safeEnd(byte[] head) {
        int end = head.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if (b >= 0xC0) {
                int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return need > back ? end - back : end;
            }
            if (b < 0x80) {
                return end;
            }
        }
        return end;
    }
}
