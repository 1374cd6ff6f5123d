package org.threadline.synth.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Copies a ZIP file entry by entry, in the same order, giving every entry the same fixed time and no extra fields.
 * POI stamps each entry with the wall clock; after this copy two runs of the same workbook are byte-identical.
 *
 * <p>The compressed bytes are copied raw, never inflated and deflated again, so the copy costs one sequential read
 * and write of the file.
 */
final class ZipRepacker {

    private ZipRepacker() {
    }

    /**
     * Writes {@code target} as a copy of {@code source} whose entries all carry {@code entryTime}, read as UTC wall
     * time (ZIP stores local date and time without a zone).
     */
    static void repack(Path source, Path target, Instant entryTime) throws IOException {
        long dosMillis = dosMillis(entryTime);
        try (ZipFile in = ZipFile.builder().setPath(source).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
            out.setUseZip64(Zip64Mode.AsNeeded);
            Enumeration<ZipArchiveEntry> entries = in.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry original = entries.nextElement();
                ZipArchiveEntry copy = new ZipArchiveEntry(original.getName());
                copy.setMethod(original.getMethod());
                copy.setCrc(original.getCrc());
                copy.setSize(original.getSize());
                copy.setCompressedSize(original.getCompressedSize());
                copy.setTime(dosMillis);
                try (InputStream raw = in.getRawInputStream(original)) {
                    out.addRawArchiveEntry(copy, raw);
                }
            }
        }
    }

    /**
     * The JVM-time that commons-compress converts (in the default zone) to the DOS fields of {@code instant}'s UTC
     * wall time, so the bytes do not depend on the machine's time zone.
     */
    static long dosMillis(Instant instant) {
        LocalDateTime wall = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (wall.getYear() < 1980 || wall.getYear() > 2107) {
            throw new IllegalArgumentException("a ZIP entry time must lie in 1980-2107, not " + instant);
        }
        return wall.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}
