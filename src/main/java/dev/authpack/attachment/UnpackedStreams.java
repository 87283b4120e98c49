package dev.authpack.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * How large an upload's streams (page drawings, fonts, everything but images) become once unpacked,
 * measured before anything else unpacks them. PDFBox unpacks a stream whole, in memory, whenever it is
 * read: merging a page into a packet, drawing a page preview. Repetitive instructions compress a
 * thousandfold, so a 400 KB upload whose one page unpacked to 400 MB ended the service (out of heap) when its
 * packet was made (OWASP ASVS 4.0.3 V12.1.2, session 25). Real files stay far below both limits: a page's
 * drawing is kilobytes, the largest embedded fonts (CJK) about 20 MB.
 *
 * <p>A stream packed with one FlateDecode (what PDF writers use) is counted by inflating it here, a block at
 * a time, never held; one without filters by its length; one packed otherwise (rare: LZW, run length, several
 * filters) as PDFBox unpacks it. Images are not counted: they are data drawn at a resolution, not
 * instructions, and a scanned chart is rightly tens of megabytes.
 */
final class UnpackedStreams {

    /** The most one stream may unpack to (32 MiB). */
    static final long MAX_STREAM_BYTES = 32L * 1024 * 1024;
    /** The most all of an upload's streams may unpack to together (256 MiB). */
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    private UnpackedStreams() {
    }

    /** The problem of an upload past either limit, or null. */
    static String problem(PDDocument doc) throws IOException {
        long total = 0;
        for (COSObjectKey key : new ArrayList<>(doc.getDocument().getXrefTable().keySet())) {
            COSObject object = doc.getDocument().getObjectFromPool(key);
            // images are data drawn at a resolution; embedded files are removed before the upload is stored
            if (object == null || !(object.getObject() instanceof COSStream stream)
                    || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
                    || COSName.EMBEDDED_FILE.equals(stream.getCOSName(COSName.TYPE))) {
                continue;
            }
            long unpacked = unpacked(stream, Math.min(MAX_STREAM_BYTES, MAX_TOTAL_BYTES - total));
            if (unpacked > MAX_STREAM_BYTES) {
                return "holds a part that unpacks to more than " + mib(MAX_STREAM_BYTES) + " MB (a file built to "
                        + "exhaust the service, or damaged); save it again from the program that made it";
            }
            total += unpacked;
            if (total > MAX_TOTAL_BYTES) {
                return "unpacks to more than " + mib(MAX_TOTAL_BYTES) + " MB of drawing instructions and fonts "
                        + "(a file built to exhaust the service, or damaged); save it again from the program that made it";
            }
        }
        return null;
    }

    /** The stream's unpacked length, or more than {@code limit} once it is known to pass it. */
    private static long unpacked(COSStream stream, long limit) throws IOException {
        List<COSName> filters = filters(stream.getDictionaryObject(COSName.FILTER));
        if (filters.isEmpty()) {
            return stream.getLength();
        }
        if (filters.size() == 1 && (COSName.FLATE_DECODE.equals(filters.get(0))
                || COSName.FLATE_DECODE_ABBREVIATION.equals(filters.get(0)))) {
            Inflater inflater = new Inflater();
            try (InputStream in = new InflaterInputStream(stream.createRawInputStream(), inflater)) {
                return counted(in, limit);
            } catch (IOException e) {
                // damaged data: PDFBox reads what inflates and stops there too
                return inflater.getBytesWritten();
            } finally {
                inflater.end();
            }
        }
        try (InputStream in = stream.createInputStream()) {
            return counted(in, limit);
        }
    }

    private static long counted(InputStream in, long limit) throws IOException {
        byte[] block = new byte[64 * 1024];
        long count = 0;
        int n;
        while (count <= limit && (n = in.read(block)) > 0) {
            count += n;
        }
        return count;
    }

    private static List<COSName> filters(COSBase filter) {
        List<COSName> names = new ArrayList<>();
        if (filter instanceof COSName name) {
            names.add(name);
        } else if (filter instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
