package dev.authpack.attachment;

import java.nio.charset.StandardCharsets;

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
