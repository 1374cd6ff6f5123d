package org.threadline.synth.output;

/** A file format an agency extract can be written in. */
public enum OutputFormat {
    /** Delimited text, in the agency's {@link CsvDialect}. */
    CSV("csv"),
    /** An Office Open XML workbook, shaped by the agency's {@link XlsxOptions}. */
    XLSX("xlsx");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
