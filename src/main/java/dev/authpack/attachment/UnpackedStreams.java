package dev.authpack.attachment;

import dev.authpack.rendering.DecodedSize;
import java.io.IOException;
import java.util.ArrayList;
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
 * <p>Each stream is measured by {@link DecodedSize}, which never decodes past the limit and counts an image
 * codec on a part that is not an image as past it. Images are not counted: they are data drawn at a
 * resolution, not instructions, and a scanned chart is rightly tens of megabytes.
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
            long unpacked = DecodedSize.of(stream, Math.min(MAX_STREAM_BYTES, MAX_TOTAL_BYTES - total));
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

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
