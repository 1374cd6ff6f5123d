package org.threadline.synth.output;

/** How a CSV record ends. */
public enum LineEnding {
    /** Carriage return and line feed, as RFC 4180 and Windows exporters write. */
    CRLF("\r\n"),
    /** A bare line feed, as Unix tools write. */
    LF("\n");

    private final String characters;

    LineEnding(String characters) {
        this.characters = characters;
    }

    /** The characters written after each record. */
    public String characters() {
        return characters;
    }
}
