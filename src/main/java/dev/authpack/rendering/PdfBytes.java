package dev.authpack.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Saves a PDF into memory. PDFBox's writer hands most of a file over one byte at a time (names,
 * numbers, delimiters, line ends), and every method of {@link ByteArrayOutputStream} is
 * synchronized: on JDK 17, which no longer biases locks, each byte paid for taking a lock that only
 * one thread ever holds. Saving into a buffer without the lock costs 3–5 % less CPU per packet
 * (docs/performance.md, item 19); the bytes are the same.
 */
public final class PdfBytes {

    private PdfBytes() {
    }

    /** The document saved as {@code params} says; {@code sizeHint} is the expected size in bytes. */
    public static byte[] save(PDDocument doc, CompressParameters params, int sizeHint) throws IOException {
        Unshared out = new Unshared(Math.max(sizeHint, 1024));
        doc.save(out, params);
        return out.toByteArray();
    }

    /** A byte array stream for one thread: the same growth and checks as its parent, no lock. */
    static final class Unshared extends ByteArrayOutputStream {

        Unshared(int size) {
            super(size);
        }

        @Override
        public void write(int b) {
            ensureRoom(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            ensureRoom(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void ensureRoom(int more) {
            int needed = Math.addExact(count, more); // past 2 GiB it fails, as a byte array must
            if (needed > buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(2L * buf.length, Integer.MAX_VALUE - 8)));
            }
        }
    }
}
