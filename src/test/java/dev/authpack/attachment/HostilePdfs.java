package dev.authpack.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/** Small PDFs that ask for much work: written by hand, so their structure is exactly what the test says. */
final class HostilePdfs {

    private HostilePdfs() {
    }

    /** One page object listed {@code times} times in the page tree: ~10 bytes per "page" to a merge. */
    static byte[] onePageListed(int times) {
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < times; i++) {
            kids.append("3 0 R ");
        }
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [" + kids + "] /Count " + times + " >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
    }

    /** A one-page PDF whose page points at an array nested {@code depth} deep, past PDFBox's recursion limit. */
    static byte[] deeplyNested(int depth) {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Extra 4 0 R >>",
                "[".repeat(depth) + "]".repeat(depth));
    }

    /**
     * One page whose content is {@code unit} repeated to {@code decoded} bytes, Flate-compressed: drawing
     * operators compress about 1,000 to 1, so 100 MB of them is a 100 KB file.
     */
    static byte[] contentInflatingTo(long decoded, String unit) {
        return pagesListingContent(1, decoded, unit);
    }

    /** One page object listed {@code times} times whose content is {@code unit} repeated to {@code decoded} bytes. */
    static byte[] pagesListingContent(int times, long decoded, String unit) {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [" + "3 0 R ".repeat(times) + "] /Count " + times + " >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream("/Filter /FlateDecode", deflated(unit.getBytes(StandardCharsets.ISO_8859_1), decoded)));
    }

    /** One page whose content's Flate predictor declares two billion columns of 32 colours: a 16 GB row. */
    static byte[] predictorWithHugeRows() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                stream("/Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 32 /BitsPerComponent 16"
                        + " /Columns 2000000000 >>", deflated(new byte[] {0}, 4096)));
    }

    /**
     * One page writing with a font whose embedded program ({@code fontFile}: FontFile, FontFile2 or FontFile3
     * with {@code extra} such as "/Subtype /Type1C") is zeros inflating to {@code decoded} bytes.
     */
    static byte[] fontProgramInflatingTo(long decoded, String subtype, String fontFile, String extra) {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                stream("", "BT /F1 12 Tf 72 700 Td (Chart note) Tj ET".getBytes(StandardCharsets.ISO_8859_1)),
                "<< /Type /Font /Subtype /" + subtype + " /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths ["
                        + "500 ".repeat(95) + "] /FontDescriptor 6 0 R /Encoding /WinAnsiEncoding >>",
                "<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0"
                        + " /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /" + fontFile + " 7 0 R >>",
                stream("/Filter /FlateDecode " + extra, deflated(new byte[] {0}, decoded)));
    }

    /** A page drawing form 1, which draws form 2, … down to form {@code depth}. */
    static byte[] formChain(int depth) {
        String[] objects = new String[4 + depth];
        objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
        objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
        objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                + " /Resources << /XObject << /X 5 0 R >> >> >>";
        objects[3] = stream("", "/X Do".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < depth; i++) {
            int next = 6 + i;
            String resources = i + 1 < depth ? "<< /XObject << /X " + next + " 0 R >> >>" : "<< >>";
            objects[4 + i] = stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources " + resources,
                    "/X Do".getBytes(StandardCharsets.ISO_8859_1));
        }
        return pdf(objects);
    }

    /** A structure tree whose elements each hold the next, {@code depth} deep: one small object per level. */
    static byte[] structureChain(int depth) {
        String[] objects = new String[4 + depth];
        objects[0] = "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 4 0 R >>";
        objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
        objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>";
        objects[3] = "<< /Type /StructTreeRoot /K 5 0 R >>";
        for (int i = 0; i < depth; i++) {
            objects[4 + i] = i + 1 < depth ? "<< /S /Sect /K " + (6 + i) + " 0 R >>" : "<< /S /Sect >>";
        }
        return pdf(objects);
    }

    /** {@code unit} repeated to {@code total} bytes, deflated without ever holding the whole. */
    static byte[] deflated(byte[] unit, long total) {
        byte[] block = new byte[1 << 16];
        for (int i = 0; i < block.length; i++) {
            block[i] = unit[i % unit.length];
        }
        int period = block.length - block.length % unit.length;
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        for (long left = total; left > 0; ) {
            int n = (int) Math.min(left, period);
            deflater.setInput(block, 0, n);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            left -= n;
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /**
     * A one-page PDF whose catalog lives in an object stream that inflates to {@code decoded} bytes (the
     * catalog, then spaces): PDFBox must unpack it to find the document's root, while it loads the file.
     * The cross-reference stream lists the catalog there, as PDF 1.5 writers do.
     */
    static byte[] catalogInObjectStreamInflatingTo(long decoded) {
        String catalog = "<< /Type /Catalog /Pages 2 0 R >>";
        String header = "1 0 ";
        byte[] head = (header + catalog).getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = deflatedAfter(head, (byte) ' ', decoded);
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        int[] offsets = new int[5];
        String[] objects = {
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            stream("/Type /ObjStm /N 1 /First " + header.length() + " /Filter /FlateDecode", data)};
        for (int i = 0; i < objects.length; i++) {
            offsets[i + 2] = pdf.length();
            pdf.append(i + 2).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        row(rows, 0, 0, 0xFFFF);
        row(rows, 2, 4, 0);
        for (int i = 2; i <= 4; i++) {
            row(rows, 1, offsets[i], 0);
        }
        row(rows, 1, xref, 0);
        pdf.append("5 0 obj\n").append(stream("/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R", rows.toByteArray()))
                .append("\nendobj\nstartxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A one-page PDF whose cross-reference stream lists {@code entries} objects ({@code sizeName}: how its
     * /Size is written, e.g. "/Size" or "/S#69ze"), every one beyond the first four at the stream's own offset.
     */
    static byte[] crossReferenceListing(int entries, String sizeName) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        String[] objects = {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"};
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        row(rows, 0, 0, 0xFFFF);
        for (int offset : offsets) {
            row(rows, 1, offset, 0);
        }
        for (int i = objects.length + 1; i < entries; i++) {
            row(rows, 1, xref, 0);
        }
        byte[] packed = deflatedAfter(rows.toByteArray(), (byte) 0, rows.size());
        pdf.append(entries).append(" 0 obj\n").append(stream("/Type /XRef " + sizeName + " " + (entries + 1)
                + " /W [1 4 2] /Root 1 0 R /Filter /FlateDecode", packed)).append("\nendobj\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A one-page PDF followed by {@code extra} objects holding nothing, listed in its cross-reference table. */
    static byte[] withEmptyObjects(int extra) {
        String[] objects = new String[3 + extra];
        objects[0] = "<< /Type /Catalog /Pages 2 0 R >>";
        objects[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
        objects[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>";
        java.util.Arrays.fill(objects, 3, objects.length, "null");
        return pdf(objects);
    }

    private static void row(ByteArrayOutputStream rows, int type, int field2, int field3) {
        rows.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            rows.write(field2 >>> shift);
        }
        rows.write(field3 >>> 8);
        rows.write(field3);
    }

    /** {@code head}, then {@code fill} up to {@code total} bytes, Flate-compressed. */
    private static byte[] deflatedAfter(byte[] head, byte fill, long total) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        byte[] block = new byte[1 << 16];
        java.util.Arrays.fill(block, fill);
        deflater.setInput(head);
        long left = total - head.length;
        do {
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            int n = (int) Math.min(left, block.length);
            if (n > 0) {
                deflater.setInput(block, 0, n);
            }
            left -= n;
        } while (left > 0 || !deflater.needsInput());
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static String stream(String dictionary, byte[] data) {
        return "<< " + dictionary + " /Length " + data.length + " >>\nstream\n"
                + new String(data, StandardCharsets.ISO_8859_1) + "\nendstream";
    }

    /** Objects 1..n, uncompressed, with a correct cross-reference table. */
    static byte[] pdf(String... objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
