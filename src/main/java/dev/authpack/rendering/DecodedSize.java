package dev.authpack.rendering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * How many bytes a page's content decodes to, found out without ever decoding more than a limit. PDFBox
 * decodes a stream whole before the first byte can be read, so a 1 MB upload whose page content inflates
 * to 1 GB (Flate of zeros, or of drawing operators) was decoded whole when the packet drew the page, and
 * the service ran out of memory. Here each filter writes into a buffer that stops at the limit.
 */
public final class DecodedSize {

    /** The general-purpose filters, under both their names; the image codecs (DCT, JPX, JBIG2, CCITT) are not. */
    private static final Set<COSName> TEXT_FILTERS = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.ASCII_HEX_DECODE,
            COSName.ASCII_HEX_DECODE_ABBREVIATION, COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION,
            COSName.RUN_LENGTH_DECODE, COSName.RUN_LENGTH_DECODE_ABBREVIATION);

    private DecodedSize() {
    }

    /** The page's content streams decoded, in bytes; any number over {@code limit} means "more than the limit". */
    public static long ofContent(PDPage page, long limit) {
        long total = 0;
        // the streams one after another, each against what is left
        for (var it = page.getContentStreams(); it.hasNext() && total <= limit; ) {
            PDStream stream = it.next();
            total += of(stream.getCOSObject(), limit - total);
        }
        return total;
    }

    /**
     * One stream decoded, in bytes, or {@code limit + 1} once it passes the limit. A stream that does not
     * decode counts what it gave before the error: the reader copes with it as it can, as before.
     */
    public static long of(COSStream stream, long atMost) {
        // the buffers are arrays: a limit past their size means "any size an array can hold"
        long limit = Math.max(0, Math.min(atMost, Integer.MAX_VALUE - 16));
        List<COSName> filters = filters(stream.getFilters());
        try (InputStream raw = stream.createRawInputStream()) {
            InputStream in = raw;
            for (int i = 0; i < filters.size(); i++) {
                if (!TEXT_FILTERS.contains(filters.get(i)) || predictorRow(stream, i) > limit) {
                    // an image codec on page content decodes an image of any declared size, and a predictor's
                    // row buffer is allocated whole from the declared columns (2 billion of them ended the
                    // service): either is more than the limit before a byte is decoded
                    return limit + 1;
                }
                // only a stage another filter reads is kept; the last one is counted as it goes by
                boolean last = i == filters.size() - 1;
                Capped out = new Capped(limit, !last);
                try {
                    FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, out, stream, i);
                } catch (Capped.Full full) {
                    return limit + 1;
                } catch (IOException | RuntimeException damaged) {
                    // a filter may wrap the buffer's refusal in an error of its own
                    return out.full ? limit + 1 : out.count;
                }
                if (last) {
                    return out.count;
                }
                in = out.asInput();
            }
            return count(in, limit);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The bytes of one row of the predictor declared for filter {@code index}, or 0 when there is none. */
    private static long predictorRow(COSStream stream, int index) {
        COSBase all = stream.getDictionaryObject(COSName.DECODE_PARMS, COSName.DP);
        COSBase entry = all instanceof COSArray array ? (index < array.size() ? array.getObject(index) : null) : all;
        if (!(entry instanceof COSDictionary parms) || parms.getInt(COSName.PREDICTOR, 1) <= 1) {
            return 0;
        }
        long colors = Math.max(1, parms.getInt(COSName.COLORS, 1));
        long bits = Math.max(1, parms.getInt(COSName.BITS_PER_COMPONENT, 8));
        long columns = Math.max(1, parms.getInt(COSName.COLUMNS, 1));
        // each factor is at most 2^31, so the product of the first two and the quotient cannot overflow
        return Math.multiplyHigh(colors * bits, columns) != 0 ? Long.MAX_VALUE : colors * bits * columns / 8;
    }

    private static long count(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long n = 0;
        int read;
        while (n <= limit && (read = in.read(buffer)) > 0) {
            n += read;
        }
        return Math.min(n, limit + 1);
    }

    private static List<COSName> filters(COSBase filters) {
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSName name) {
            names.add(name);
        } else if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                if (item instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** An in-memory buffer that refuses to grow past a limit (unchecked, so no filter catches it as an I/O error). */
    private static final class Capped extends OutputStream {

        private final long limit;
        private final boolean keep;
        private byte[] buf;
        private int count;
        private boolean full;

        Capped(long limit, boolean keep) {
            this.limit = limit;
            this.keep = keep;
            this.buf = new byte[keep ? 8192 : 0];
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + (long) len > limit) {
                full = true;
                throw new Full();
            }
            if (keep) {
                if (count + len > buf.length) {
                    buf = Arrays.copyOf(buf, (int) Math.min(Math.max(2L * buf.length, count + len), Integer.MAX_VALUE - 8));
                }
                System.arraycopy(b, off, buf, count, len);
            }
            count += len;
        }

        InputStream asInput() {
            return new ByteArrayInputStream(buf, 0, count);
        }

        static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }
    }
}
