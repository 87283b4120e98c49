package dev.authpack.rendering;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a TrueType file without some of its tables. PDFBox runs a glyph-substitution pass over
 * every text run of a font that has a GSUB table: it halves throughput and writes ligature glyphs,
 * so payers' text extraction reads "Oﬃce" instead of "Office". Dropping the OpenType layout tables
 * keeps one glyph per character; the PDF needs none of them.
 */
final class FontTables {

    static final Set<String> LAYOUT_TABLES = Set.of("GSUB", "GPOS", "GDEF", "MATH", "FFTM");

    private FontTables() {
    }

    private record Table(String tag, int checksum, int offset, int length) {
    }

    static byte[] without(byte[] ttf, Set<String> drop) {
        ByteBuffer in = ByteBuffer.wrap(ttf);
        int version = in.getInt(0);
        int count = Short.toUnsignedInt(in.getShort(4));
        List<Table> kept = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = 12 + 16 * i;
            String tag = new String(ttf, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            Table t = new Table(tag, in.getInt(at + 4), in.getInt(at + 8), in.getInt(at + 12));
            if (!drop.contains(tag)) {
                kept.add(t);
            }
        }
        int dataStart = 12 + 16 * kept.size();
        int size = dataStart;
        for (Table t : kept) {
            size += pad(t.length());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int n = kept.size();
        int power = Integer.highestOneBit(n);
        out.putInt(version).putShort((short) n).putShort((short) (power * 16))
                .putShort((short) Integer.numberOfTrailingZeros(power)).putShort((short) (n * 16 - power * 16));
        int offset = dataStart;
        for (Table t : kept) {
            out.put(t.tag().getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .putInt(t.checksum()).putInt(offset).putInt(t.length());
            offset += pad(t.length());
        }
        for (Table t : kept) {
            out.put(ttf, t.offset(), t.length());
            out.position(out.position() + pad(t.length()) - t.length());
        }
        return out.array();
    }

    private static int pad(int length) {
        return (length + 3) & ~3;
    }
}
