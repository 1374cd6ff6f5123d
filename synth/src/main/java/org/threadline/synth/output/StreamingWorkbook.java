package org.threadline.synth.output;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An {@link SXSSFWorkbook} whose gzip-compressed temporary sheet files use the fastest deflate level.
 *
 * <p>Why: profiling showed deflate taking most of the XLSX time, spent twice: once into the temporary files and
 * once into the final ZIP. The temporary files only need to be small enough for the disk, so they get level 1
 * (a few times faster, somewhat larger); the final workbook keeps the default level so that files stay small.
 */
final class StreamingWorkbook extends SXSSFWorkbook {

    private static final int GZIP_BUFFER = 1 << 16;

    StreamingWorkbook(int rowWindow) {
        super(new XSSFWorkbook(), rowWindow, true, false);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new FastGzipSheetDataWriter();
    }

    /** Called from SheetDataWriter's constructor, so it must not rely on fields of its own. */
    private static final class FastGzipSheetDataWriter extends GZIPSheetDataWriter {

        FastGzipSheetDataWriter() throws IOException {
            super();
        }

        @Override
        protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
            return new GZIPOutputStream(file, GZIP_BUFFER) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        }
    }
}
